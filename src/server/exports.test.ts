import { compileRound, shippedRound } from "../core";
import { indicatorNamesTable, laoTable, toCsv, toXlsx } from "./exports";
import type { ProgressRow } from "./resources/progress";

const csv = (cells: Array<string | number | null>): string =>
  toCsv({ name: "t", rows: [cells], widths: [] })
    .toString("utf8")
    .slice(1)
    .trimEnd();

describe("CSV exports", () => {
  it("neutralises text a spreadsheet would run as a formula", () => {
    expect(csv(['=HYPERLINK("http://x","y")'])).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csv(["+cmd|' /C calc'!A0"])).toBe("'+cmd|' /C calc'!A0");
    expect(csv(["@SUM(1+1)"])).toBe("'@SUM(1+1)");
    expect(csv(["-2+3+cmd|x"])).toBe("'-2+3+cmd|x");
    expect(csv(["\t=1+1"])).toBe("'\t=1+1");
    expect(csv(["\r=1+1"])).toBe(`"'\r=1+1"`);
  });

  it("leaves numbers, the official dash and ordinary Thai text as they are", () => {
    expect(csv([-5, 12.5, "-", "-5", "+66", "ถนน 12 กม.", "a=b", null])).toBe(
      "-5,12.5,-,-5,+66,ถนน 12 กม.,a=b,",
    );
  });
});

describe("the exported tables", () => {
  const compiled = compileRound(shippedRound("2568")!);
  const row: ProgressRow = {
    code: "2220101",
    name: "จันทบุรี",
    type: "town",
    provinceCode: "22",
    provinceTh: "จันทบุรี",
    districtCode: "2201",
    districtTh: "เมืองจันทบุรี",
    progress: "not-started",
    version: null,
    submittedAt: null,
    extensionCloses: null,
    passRate: null,
    counts: null,
    statuses: null,
    updatedAt: null,
  };

  it("fill in the LAO type, or the neutral อปท., and never show a {placeholder}", async () => {
    const names = indicatorNamesTable(compiled);
    const texts = names.rows.flat().map(String);
    expect(texts.some((t) => t.includes("{"))).toBe(false);
    expect(texts.some((t) => t.includes("อปท."))).toBe(true);
    expect(toCsv(names).toString("utf8")).not.toContain("{");
    const xlsx = await toXlsx([names]);
    const { default: JSZip } = await import("jszip");
    const strings = await (await JSZip.loadAsync(xlsx)).file("xl/sharedStrings.xml")?.async("string");
    expect(strings ?? "").not.toContain("{lao_type}");
  });

  it("name each LAO as the register writes it, with its type", () => {
    const table = laoTable(compiled, [row]);
    expect(table.rows[1]![1]).toBe("เทศบาลเมืองจันทบุรี");
  });
});
