import { csvText } from "./csv";
import { emptyCounts, summarizeCounts } from "../rules/summary";
import {
  OPEN_DATA_FIELDS,
  openDataCsvRows,
  openDataDocumentSchema,
  openDataRow,
  type OpenDataSource,
} from "./openData";

const source: OpenDataSource = {
  round: { id: "2568", year: 2568 },
  lao: {
    code: "4220102",
    type: "town",
    name: "จันทบุรี",
    provinceCode: "22",
    provinceTh: "จันทบุรี",
    provinceEn: "Chanthaburi",
    districtCode: "2201",
    districtTh: "เมืองจันทบุรี",
  },
  version: 2,
  receiptNumber: "2568-4220102-2",
  receivedAt: new Date("2025-08-20T03:00:00Z"),
  reason: "window-closed",
  overall: summarizeCounts({ ...emptyCounts(), pass: 2, below: 1, "no-service": 1 }),
  pageUrl: "https://minstd.example/public/rounds/2568/laos/4220102",
};

describe("open data", () => {
  it("derives a row, its CSV line and the JSON document from one schema", () => {
    const row = openDataRow(source);
    expect(row).toEqual(
      expect.objectContaining({
        laoName: "เทศบาลเมืองจันทบุรี",
        receivedAt: "2025-08-20T10:00:00+07:00",
        assessed: 3,
        passRate: 66.67,
        complete: true,
      }),
    );
    expect(Object.keys(row)).toEqual(OPEN_DATA_FIELDS);
    const [header, line] = openDataCsvRows([row]);
    expect(header).toEqual(OPEN_DATA_FIELDS);
    expect(csvText([header!, line!]).startsWith(`\ufeff${OPEN_DATA_FIELDS.join(",")}\r\n`)).toBe(true);
    const doc = {
      round: { id: "2568", year: 2568, title: "t" },
      generatedAt: "x",
      dictionary: "y",
      rows: [row],
    };
    expect(openDataDocumentSchema.safeParse(doc).success).toBe(true);
  });
});
