import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { districtCodeSchema, isoDateSchema, laoCodeSchema, provinceCodeSchema } from "../src/api/common";
import { windowRequestSchema } from "../src/api/rounds";
import { main } from "../src/cli/main";
import { parseSubmission, shippedRound, type RoundInput } from "../src/core";
import { collectionLayout, LayoutError } from "../src/core/workbook/layout";
import { loadRoundFile, loadRegister, RoundFileError } from "../src/dataFiles";
import { withEnglish } from "../src/i18n";
import { parseOr400 } from "../src/server/validation";
import { registerStoredRounds } from "../src/taskpane/rounds/storedRounds";

/**
 * The refusals of identifiers, rounds and documents as people read them: the server's issue
 * lists, the CLI's lines and the task pane's, in Thai then English, each exactly.
 */

function refusal(schema: Parameters<typeof parseOr400>[0], data: unknown): unknown {
  try {
    parseOr400(schema, data);
  } catch (e) {
    return (e as { details?: unknown }).details ?? e;
  }
  throw new Error("expected a refusal");
}

const both = (path: string, text: string) => ({ path, message: text, messageEn: text });

describe("the refusals of an identifier or a day, as the server lists them", () => {
  it.each([
    ["an LAO code", laoCodeSchema, "12", "รหัส อปท. ต้องเป็นตัวเลข 7 หลัก / the LAO code has 7 digits"],
    [
      "a province code",
      provinceCodeSchema,
      "1",
      "รหัสจังหวัดเป็นตัวเลข 2 หลัก เช่น 22 / the province code has 2 digits",
    ],
    ["a district code", districtCodeSchema, "1", "รหัสอำเภอเป็นตัวเลข 4 หลัก / the district code has 4 digits"],
    [
      "a day's form",
      isoDateSchema,
      "2026/01/01",
      "ต้องเป็นวันที่แบบ YYYY-MM-DD (ค.ศ.) / must be a YYYY-MM-DD date (Common Era)",
    ],
    ["a day not in the calendar", isoDateSchema, "2026-02-30", "ไม่มีวันที่นี้ในปฏิทิน / no such calendar day"],
    [
      "a Buddhist Era day",
      isoDateSchema,
      "2569-01-01",
      "ใช้ปี ค.ศ. ไม่ใช่ พ.ศ. / use the Common Era year, not the Buddhist Era",
    ],
  ])("%s", (_, schema, typed, text) => {
    const issues = (refusal(schema, typed) as { issues: unknown[] }).issues;
    expect(issues[0]).toEqual(both("", text));
  });

  it("refuses a window that closes before it opens", () => {
    expect(refusal(windowRequestSchema, { opens: "2026-02-01", closes: "2026-01-01" })).toEqual({
      issues: [both("", "วันปิดรับต้องไม่ก่อนวันเปิดรับ / the window closes before it opens")],
      total: 1,
    });
  });
});

const round = shippedRound("2567")!;
const first = round.areas[0]!.missions[0]!.indicators[0]!;
const ratio = round.areas[0]!.missions[0]!.indicators.find((i) => i.kind === "ratio")!;

/** A round whose fields are wrong one by one: a target, an indicator id, the window. */
const wrongFields: RoundInput = {
  ...round,
  window: { opens: "2026-02-01", closes: "2026-01-01" },
  areas: [
    {
      ...round.areas[0]!,
      missions: [
        {
          ...round.areas[0]!.missions[0]!,
          indicators: [{ ...first, id: "x", targets: { default: { value: 1, provisional: false } } }],
        },
      ],
    },
  ],
};

/** A round whose fields are each well formed, but not together. */
const wrongTogether: RoundInput = {
  ...round,
  laoTypes: ["sao"],
  areas: [
    {
      ...round.areas[0]!,
      missions: [
        {
          ...round.areas[0]!.missions[0]!,
          indicators: [
            { ...first, id: "2566-1-01" },
            { ...first, id: "2567-1-01", continues: "2567-0-01", text: "ข้อความ {ชื่อ} ของตัวชี้วัด" },
            { ...ratio, id: "2567-1-01", inputs: undefined },
            { ...first, id: "2567-1-09", kind: "count", laoTypes: ["city"] },
            { ...first, id: "2567-1-10", kind: "count", targets: { town: { value: 1, provisional: true } } },
          ],
        },
      ],
    },
  ],
};

const FIELD_LINES = [
  "window: วันปิดรับต้องไม่ก่อนวันเปิดรับ / the window closes before it opens",
  "areas[1].missions[1].indicators[1].id: รหัสตัวชี้วัดต้องเป็นตัวอักษรอังกฤษ ตัวเลข . _ - ยาว 3–32 ตัว / ids are 3–32 ASCII letters, digits, . _ -",
  "areas[1].missions[1].indicators[1].targets.default: ค่าเป้าหมายที่ไม่ใช่ค่าชั่วคราวต้องระบุแหล่งที่มา (source) / a target that is not provisional needs a source",
  'areas[1].missions[1].indicators[1].id: รหัสตัวชี้วัด x ต้องขึ้นต้นด้วยรหัสรอบ "2567-" / indicator ids start with the round id',
];

const TOGETHER_LINES = [
  'areas[1].missions[1].indicators[1].id: รหัสตัวชี้วัด 2566-1-01 ต้องขึ้นต้นด้วยรหัสรอบ "2567-" / indicator ids start with the round id',
  "areas[1].missions[1].indicators[2].continues: continues ต้องเป็นรหัสตัวชี้วัดของรอบก่อนหน้า ไม่ใช่รอบ 2567 เอง / continues names an indicator of an earlier round",
  "areas[1].missions[1].indicators[2].text: ข้อความตัวชี้วัดใช้ได้เฉพาะช่อง {lao_type} / the only slot allowed is {lao_type}",
  "areas[1].missions[1].indicators[3].id: รหัสตัวชี้วัด 2567-1-01 ซ้ำ / duplicate id",
  "areas[1].missions[1].indicators[3].inputs: ตัวชี้วัดแบบร้อยละต้องระบุ (1) และ (2) ใน inputs / ratio indicators describe (1) and (2) in inputs",
  "areas[1].missions[1].indicators[4].laoTypes: ประเภท city ไม่อยู่ในรอบนี้ / type city is not covered by the round",
  "areas[1].missions[1].indicators[5].targets: ไม่มีค่าเป้าหมายสำหรับ sao และไม่มีค่าเริ่มต้น (default) / no target for sao and no default",
];

describe("the refusals of a round, as each place that loads one says them", () => {
  const dir = mkdtempSync(join(tmpdir(), "minstd-refusals-"));
  const fileOf = (name: string, data: unknown) => {
    const file = join(dir, name);
    writeFileSync(file, JSON.stringify(data));
    return file;
  };

  it.each([
    ["fields", wrongFields, FIELD_LINES],
    ["rules across indicators", wrongTogether, TOGETHER_LINES],
  ] as const)("a round wrong in its %s: minstd round import, admin round load", async (name, data, lines) => {
    const file = fileOf(`${name}.json`, data);
    const err: string[] = [];
    const code = await main(["node", "minstd", "round", "import", file], {
      out: () => undefined,
      err: (t) => err.push(t),
    });
    expect(code).toBe(1);
    expect(err).toEqual([
      "นำเข้าไม่ได้ — แก้ไขตามรายการนี้แล้วลองอีกครั้ง / cannot import; fix these and try again:",
      ...lines.map((l) => `- ${l}`),
    ]);
    const thrown = await loadRoundFile(file).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(RoundFileError);
    expect((thrown as RoundFileError).message).toBe(`${file}:\n${lines.map((l) => `- ${l}`).join("\n")}`);
  });

  it("the task pane names a stored round it cannot read", async () => {
    const stored = await registerStoredRounds({
      getKeys: async () => ["minstd.round.2567"],
      getItems: async () => ({ "minstd.round.2567": JSON.stringify(wrongFields) }),
      setItem: async () => undefined,
      removeItems: async () => undefined,
    } as unknown as Parameters<typeof registerStoredRounds>[0]);
    const detail = FIELD_LINES.join("; ");
    expect(stored.problems).toEqual([
      {
        key: "minstd.round.2567",
        th: `รอบการประเมินที่เก็บไว้ (minstd.round.2567) อ่านไม่ได้ — ${detail}`,
        en: `the stored round minstd.round.2567 cannot be read — ${detail}`,
      },
    ]);
  });
});

describe("the refusals of a document and of a workbook's layout", () => {
  // The Thai says the refusal in Thai; the English quotes it in both languages, as it always did.
  it("a document's LAO code and its number of indicators", () => {
    const values = Object.fromEntries(Array.from({ length: 2001 }, (_, n) => [`id-${n}`, {}]));
    const parsed = parseSubmission({ round: "2567", lao: "12", values });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems.map(withEnglish)).toEqual([
      {
        path: "lao",
        code: "bad-document",
        message: "เอกสารไม่ถูกต้องที่ lao: รหัส อปท. ต้องเป็นตัวเลข 7 หลัก",
        messageEn: "invalid document at lao: รหัส อปท. ต้องเป็นตัวเลข 7 หลัก / the LAO code has 7 digits",
        severity: "error",
      },
      {
        path: "values",
        code: "bad-document",
        message: "เอกสารไม่ถูกต้องที่ values: มีตัวชี้วัดเกิน 2000 รายการ",
        messageEn: "invalid document at values: มีตัวชี้วัดเกิน 2000 รายการ / more than 2000 indicators",
        severity: "error",
      },
    ]);
  });

  it("minstd template for an LAO whose type the round does not assess", async () => {
    const sao = loadRegister().get("6810403")!;
    const thrown = (() => {
      try {
        return collectionLayout(shippedRound("2568")!, sao);
      } catch (e) {
        return e;
      }
    })();
    expect(thrown).toBeInstanceOf(LayoutError);
    const err: string[] = [];
    const code = await main(
      ["node", "minstd", "template", "--round", "2568", "--lao", "6810403", "-o", join(tmpdir(), "x.xlsx")],
      { out: () => undefined, err: (t) => err.push(t) },
    );
    expect(code).not.toBe(0);
    expect(err.join("\n")).toContain(
      "รอบ 2568 ไม่ได้ประเมิน อบต. / round 2568 does not assess Subdistrict Administrative Organization (",
    );
  });
});
