import { mkdtempSync, writeFileSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "./main";

/** Runs the CLI in-process and captures what it prints. */
async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(["node", "minstd", ...args], { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

const dir = mkdtempSync(join(tmpdir(), "minstd-cli-"));
function file(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === "string" ? content : JSON.stringify(content));
  return path;
}

describe("minstd admin user add", () => {
  it("refuses a name that is empty, too long or holds a control character before opening any database", async () => {
    const add = (name: string) => cli("admin", "user", "add", "--role", "national", "--name", name);
    expect(await add(" ")).toEqual({ code: 2, out: "", err: "--name: กรอกชื่อผู้ใช้ / enter the user's name" });
    expect((await add("ก".repeat(201))).err).toBe(
      "--name: ชื่อผู้ใช้ยาวเกิน 200 ตัวอักษร — ย่อให้สั้นลง / the user's name is longer than 200 characters",
    );
    expect((await add("ก\tข")).err).toBe(
      "--name: ชื่อผู้ใช้มีอักขระควบคุมที่พิมพ์ไม่ได้ — ลบแล้วพิมพ์ใหม่ / the user's name contains a control character: retype it",
    );
  });
});

describe("minstd admin flags", () => {
  it("reads province codes and window days as the server does, before opening any database", async () => {
    expect(await cli("admin", "codes", "--province", "2x")).toEqual({
      code: 2,
      out: "",
      err: "--province “2x”: รหัสจังหวัดเป็นตัวเลข 2 หลัก เช่น 22 / the province code has 2 digits",
    });
    const user = await cli("admin", "user", "add", "--role", "province", "--name", "ก", "--province", "220");
    expect(user.err).toBe("--province “220”: รหัสจังหวัดเป็นตัวเลข 2 หลัก เช่น 22 / the province code has 2 digits");
    const window = (opens: string, closes: string) =>
      cli("admin", "round", "window", "2568", "--opens", opens, "--closes", closes);
    expect((await window("2025-06-31", "2025-07-31")).err).toBe(
      "--opens “2025-06-31”: ไม่มีวันที่นี้ในปฏิทิน / no such calendar day",
    );
    expect((await window("2025-06-01", "2568-07-31")).err).toBe(
      "--closes “2568-07-31”: ใช้ปี ค.ศ. ไม่ใช่ พ.ศ. / use the Common Era year, not the Buddhist Era",
    );
    const backwards = await window("2025-07-31", "2025-06-01");
    expect(backwards.code).toBe(2);
    expect(backwards.err).toBe(
      "--opens, --closes: วันปิดรับต้องไม่ก่อนวันเปิดรับ / the window closes before it opens",
    );
  });
});

describe("minstd round", () => {
  it("lists the shipped rounds, as text and as JSON", async () => {
    const text = await cli("round", "list");
    expect(text.code).toBe(0);
    expect(text.out).toContain("2563");
    expect(text.out).toContain("ค่าเป้าหมายชั่วคราว");
    const json = JSON.parse((await cli("round", "list", "--json")).out);
    expect(json.map((r: { id: string }) => r.id)).toEqual(["2563", "2564", "2565", "2566", "2567", "2568"]);
    for (const year of ["2565", "2566", "2567"]) expect(text.out).toContain(year);
  });

  it("shows a round's indicators, each with id and text, in JSON for scripts", async () => {
    const r = await cli("round", "show", "2563", "--json");
    expect(r.code).toBe(0);
    const round = JSON.parse(r.out);
    expect(round.indicators).toHaveLength(4);
    for (const ind of round.indicators) {
      expect(ind).toEqual(
        expect.objectContaining({
          id: expect.any(String),
          text: expect.any(String),
          kind: "ratio",
          unit: "ร้อยละ",
        }),
      );
      expect(ind.targets.city.value).toBeGreaterThan(0);
    }
  });

  it("marks provisional targets when showing a round to people", async () => {
    const r = await cli("round", "show", "2568");
    expect(r.out).toMatch(/≥2\*/);
    expect(r.out).toContain("ค่าเป้าหมายชั่วคราว");
  });

  it("exits 2 for an unknown round, naming the known ones", async () => {
    const r = await cli("round", "show", "2599");
    expect(r.code).toBe(2);
    expect(r.err).toContain("2563, 2564, 2565, 2566, 2567, 2568");
  });

  it("exports and imports a round workbook", async () => {
    const xlsx = join(dir, "round.xlsx");
    expect((await cli("round", "export", "2564", "-o", xlsx)).code).toBe(0);
    const json = join(dir, "round.json");
    expect((await cli("round", "import", xlsx, "-o", json)).code).toBe(0);
    expect(JSON.parse(readFileSync(json, "utf8")).id).toBe("2564");
    const bad = await cli("round", "import", file("bad.xlsx", "not a workbook"));
    expect(bad.code).toBe(1);
    expect(bad.err).toContain("เปิดไฟล์ไม่ได้");
  });
});

describe("the basic set of 2565–2567 through the CLI", () => {
  it("lists the basic-set indicators of 2567 with kind, unit and targets", async () => {
    const r = await cli("round", "show", "2567", "--json");
    expect(r.code).toBe(0);
    const round = JSON.parse(r.out);
    expect(
      round.indicators.map((i: { id: string; kind: string; unit: string }) => [i.id, i.kind, i.unit]),
    ).toEqual([
      ["2567-1-01", "ratio", "ร้อยละ"],
      ["2567-1-02", "ratio", "ร้อยละ"],
      ["2567-1-03", "ratio", "ร้อยละ"],
      ["2567-1-04a", "count", "โครงการ"],
      ["2567-1-04b", "count", "ครั้ง"],
    ]);
    const targets = round.indicators.map((i: { targets: Record<string, { value: number }> }) => [
      i.targets.sao?.value,
      i.targets.subdistrict?.value,
    ]);
    expect(targets.slice(0, 3)).toEqual([
      [80, 80],
      [80, 80],
      [75, 75],
    ]);
  });

  it("gives an อบต. the printout's labels and 2-decimal percentages, 100 printed as 100", async () => {
    const doc = {
      round: "2567",
      lao: "6810403", // อบต.คลองท่อมเหนือ
      values: {
        "2567-1-01": { base: 12, served: 12 }, // 100 ≥ 80
        "2567-1-02": { base: 3, served: 2 }, // 66.67 < 80
        "2567-1-03": { base: 4, served: 3 }, // 75 = 75
        "2567-1-04a": { value: "-" },
      },
    };
    const r = await cli("check", file("sao2567.json", doc), "--json");
    expect(r.code).toBe(0);
    const results = JSON.parse(r.out).results;
    expect(results.map((x: Record<string, unknown>) => [x.id, x.label, x.printed, x.target])).toEqual([
      ["2567-1-01", "สูงกว่าค่าเป้าหมาย", "100", 80],
      ["2567-1-02", "การพัฒนาในอนาคต", "66.67", 80],
      ["2567-1-03", "สูงกว่าค่าเป้าหมาย", "75", 75],
      ["2567-1-04a", "ไม่ได้ดำเนินการในปีงบประมาณ พ.ศ. 2566", undefined, 1],
    ]);
    const text = await cli("check", file("sao2567.json", doc));
    expect(text.out).toContain("100% (เป้าหมาย 80)");
    expect(text.out).toContain("66.67% (เป้าหมาย 80)");
  });

  it("scores a เทศบาลตำบล on indicator 4 in its own wording, and (1) = 0 as no service", async () => {
    const doc = {
      round: "2565",
      lao: "5810401", // เทศบาลตำบลคลองท่อมใต้
      values: {
        "2565-1-01": { base: 10, served: 9 },
        "2565-1-02": { base: 8, served: 8 },
        "2565-1-03": { base: 0 },
        "2565-1-04b": { value: 2 },
      },
    };
    const r = await cli("check", file("tt2565.json", doc), "--json");
    const results = JSON.parse(r.out).results;
    expect(results.map((x: Record<string, unknown>) => [x.id, x.status, x.label])).toEqual([
      ["2565-1-01", "pass", "สูงกว่าค่าเป้าหมาย"],
      ["2565-1-02", "pass", "สูงกว่าค่าเป้าหมาย"],
      ["2565-1-03", "no-service", "ไม่มีบริการสาธารณะ"],
      ["2565-1-04b", "pass", "สูงกว่าค่าเป้าหมาย"],
    ]);
    const wrongType = await cli(
      "check",
      file("tt2565-04a.json", { ...doc, values: { "2565-1-04a": { value: 1 } } }),
      "--json",
    );
    expect(wrongType.code).toBe(1);
  });
});

describe("minstd lao find", () => {
  it("finds by name and prints the type, district and province", async () => {
    const r = await cli("lao", "find", "คลองท่อมเหนือ");
    expect(r.out).toContain("อบต.คลองท่อมเหนือ (6810403) อ.คลองท่อม จ.กระบี่");
  });

  it("says when nothing matches, and refuses a bad limit", async () => {
    expect((await cli("lao", "find", "ไม่มีชื่อนี้แน่นอน")).out).toContain("ไม่พบ");
    expect((await cli("lao", "find", "กระบี่", "--limit", "x")).code).toBe(2);
  });
});

describe("minstd check", () => {
  const good = {
    round: "2563",
    lao: "3800102",
    values: {
      "2563-1-01": { base: 57.24, served: 29.767 },
      "2563-1-02": { base: "๑๒", served: "12" },
      "2563-1-03": { base: 0 },
      "2563-1-04": { base: 5, served: "-" },
    },
  };

  it("prints the contract JSON and exits 0 when every value is readable, even with failures", async () => {
    const r = await cli("check", file("good.json", good), "--json");
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out);
    expect(out.results.map((x: { status: string }) => x.status)).toEqual([
      "below",
      "pass",
      "no-service",
      "not-done",
    ]);
    expect(out.results[0]).toMatchObject({ id: "2563-1-01", label: "การพัฒนาในอนาคต", target: 85 });
    expect(out.results[0].percent).toBeCloseTo(52.0038, 3);
    // The 2563 printouts write percentages with 5 decimals.
    expect(out.results[0].printed).toBe("52.00384");
    expect(out.summary.overall.counts.pass).toBe(1);
  });

  it("exits 1 and tells the officer what to fix when a value is invalid", async () => {
    const bad = { ...good, values: { ...good.values, "2563-1-02": { base: "12 กม.", served: 12 } } };
    const r = await cli("check", file("bad-value.json", bad));
    expect(r.code).toBe(1);
    expect(r.out).toContain("ไม่ต้องพิมพ์หน่วย");
    const json = JSON.parse((await cli("check", file("bad-value.json", bad), "--json")).out);
    expect(json.results[1]).toMatchObject({ status: "invalid", field: "base" });
  });

  it("exits 1 for broken JSON with the line, an unknown LAO, or an unknown round, still printing JSON", async () => {
    const broken = await cli(
      "check",
      file("broken.json", '{"round": "2563",\n "lao": "3800102"\n "values": {}}'),
      "--json",
    );
    expect(broken.code).toBe(1);
    expect(JSON.parse(broken.out).problems[0].message).toContain("บรรทัด 3");
    const noLao = await cli("check", file("nolao.json", { ...good, lao: "1234567" }));
    expect(noLao.code).toBe(1);
    expect(noLao.out).toContain("ไม่พบรหัส อปท. 1234567");
    const noRound = await cli("check", file("noround.json", { ...good, round: "2599" }), "--json");
    expect(JSON.parse(noRound.out).problems[0].message).toContain("ไม่มีรอบการประเมิน");
  });

  it("refuses an LAO type the round does not assess", async () => {
    const r = await cli("check", file("sao2568.json", { round: "2568", lao: "6810403", values: {} }));
    expect(r.code).toBe(1);
    expect(r.out).toContain("ไม่ได้ประเมิน");
  });

  it("exits 2 on usage errors", async () => {
    expect((await cli("check")).code).toBe(2);
    expect((await cli("frobnicate")).code).toBe(2);
    expect((await cli("schema", "nothing")).code).toBe(2);
  });

  it("prints the JSON Schemas", async () => {
    expect(JSON.parse((await cli("schema", "submission")).out).required).toEqual(["round", "lao", "values"]);
    expect(JSON.parse((await cli("schema", "round")).out).properties.areas).toBeDefined();
  });
});

describe("what no command foresaw", () => {
  it("is said in Thai and English with exit code 1, never as a stack trace", async () => {
    const r = await cli(
      "template",
      "--round",
      "2568",
      "--lao",
      "5110104",
      "-o",
      join(dir, "no-such-folder", "x.xlsx"),
    );
    expect(r.code).toBe(1);
    expect(r.err).toContain("เกิดข้อผิดพลาดที่ไม่คาดคิด");
    expect(r.err).toContain("no-such-folder");
    expect(r.err).not.toMatch(/^\s+at /m);
  });
});
