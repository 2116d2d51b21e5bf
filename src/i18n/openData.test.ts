import { readFileSync } from "node:fs";
import { join } from "node:path";
import { OPEN_DATA_FIELDS, openDataDictionary } from "../core/reports/openData";
import { OPEN_DATA_EN } from "./openData";

describe("the open data's dictionary", () => {
  const dictionary = openDataDictionary(OPEN_DATA_EN);

  it("describes every field of a row, in column order, in Thai and English", () => {
    expect(dictionary.fields.map((f) => f.name)).toEqual(OPEN_DATA_FIELDS);
    expect(dictionary.fields.find((f) => f.name === "passRate")).toEqual(
      expect.objectContaining({ type: "number | null", nullable: true }),
    );
    expect(dictionary.fields.find((f) => f.name === "laoCode")).toEqual({
      name: "laoCode",
      type: "string",
      nullable: false,
      th: "รหัส อปท. ๗ หลัก (กรมส่งเสริมการปกครองท้องถิ่น)",
      en: "7-digit LAO code (DLA)",
    });
    expect(dictionary.title).toBe(
      "ผลการประเมินมาตรฐานขั้นต่ำการจัดบริการสาธารณะของ อปท. ที่เผยแพร่ / public LAO minimum-standard results",
    );
    // The JSON Schema describes each field as the list does: in English, then in both languages.
    const row = dictionary.jsonSchema.properties!.rows as { items: { properties: Record<string, object> } };
    expect(row.items.properties.laoCode).toEqual({
      type: "string",
      pattern: "^[0-9]{7}$",
      description: "7-digit LAO code (DLA)",
      th: "รหัส อปท. ๗ หลัก (กรมส่งเสริมการปกครองท้องถิ่น)",
      en: "7-digit LAO code (DLA)",
    });
  });

  it("is described column by column in docs/open-data.md, in Thai and English", () => {
    const page = readFileSync(join(__dirname, "../../docs/open-data.md"), "utf8");
    for (const f of dictionary.fields)
      expect([
        f.name,
        new RegExp(`\\|\\s*\`${f.name}\`\\s*\\|`).test(page) && page.includes(f.th) && page.includes(f.en),
      ]).toEqual([f.name, true]);
  });
});
