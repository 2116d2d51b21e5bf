import {
  breakPieces,
  columnTextWidth,
  lineCount,
  rowHeight,
  textWidth,
  widestWord,
  wrapText,
} from "./textMetrics";

const body = { size: 14 };

describe("textMetrics", () => {
  it("gives Thai vowels and tone marks above and below a consonant no width", () => {
    expect(textWidth("ที่", body)).toBeCloseTo(textWidth("ท", body));
    expect(textWidth("สาธารณะ", body)).toBeGreaterThan(textWidth("สาธารณ", body));
    expect(textWidth("ผ่าน", { size: 14, bold: true })).toBeGreaterThan(textWidth("ผ่าน", body));
  });

  it("breaks Thai between words and never inside a number", () => {
    expect(breakPieces("ร้อยละของถนน 1,234.50 และ ๑๐๐.๐๐")).toEqual(
      expect.arrayContaining(["ร้อย", "ถนน", "1,234.50", "๑๐๐.๐๐"]),
    );
    const lines = wrapText("ผลการประเมิน ๑๐๐.๐๐ ร้อยละของระยะทางของถนนลาดยาง", 60, body);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.some((l) => l.includes("๑๐๐.๐๐"))).toBe(true);
    // Every line is a run of whole words: joined again they give the text back.
    expect(lines.join("").replace(/\s/g, "")).toBe("ผลการประเมิน๑๐๐.๐๐ร้อยละของระยะทางของถนนลาดยาง");
  });

  it("counts lines and sizes a row by its tallest cell", () => {
    const text = "ร้อยละของระยะทางของถนนลาดยางแอสฟัลติกที่ได้รับการบำรุงรักษาให้อยู่ในสภาพที่ใช้งานได้ปกติ";
    expect(lineCount(text, columnTextWidth(200), body)).toBe(1);
    expect(lineCount(text, columnTextWidth(20), body)).toBeGreaterThan(3);
    expect(lineCount("ก\nข\nค", 100, body)).toBe(3);
    const one = rowHeight([{ text: "ผ่าน", width: 20, font: body }]);
    const many = rowHeight([
      { text: "ผ่าน", width: 20, font: body },
      { text, width: 20, font: body },
    ]);
    expect(many).toBeGreaterThan(3 * one * 0.9);
    expect(widestWord("การพัฒนาในอนาคต", body)).toBeLessThan(textWidth("การพัฒนาในอนาคต", body));
  });
});
