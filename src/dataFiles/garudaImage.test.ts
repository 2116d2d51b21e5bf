import JSZip from "jszip";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { compileRound, evaluateSubmission } from "../core";
import { buildMemo } from "../core/reports/memo";
import { defaultEmblem, EmblemError, emblemFromFile } from "../docx/emblem";
import { memoDocx } from "../docx/memoDocx";
import { document2568, KHLONG_THOM_TAI_TOWN, round, testRegister } from "../../test/taskpane/fixtures";
import { configuredEmblem } from "./garudaImage";

describe("the Garuda of the memo", () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), "minstd-garuda-"))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("ships MinStd's drawing as a PNG and reads the size of a PNG or JPEG given instead", () => {
    const drawing = defaultEmblem();
    expect(drawing.type).toBe("png");
    expect(emblemFromFile(drawing.data)).toMatchObject({
      type: "png",
      width: drawing.width,
      height: drawing.height,
    });
    // A minimal JPEG: SOI, an APP0 segment, then SOF0 with height 120 and width 100.
    const jpeg = Uint8Array.from([
      0xff, 0xd8, 0xff, 0xe0, 0x00, 0x04, 0x00, 0x00, 0xff, 0xc0, 0x00, 0x0b, 0x08, 0x00, 0x78, 0x00, 0x64,
      0x01, 0x01, 0x11, 0x00,
    ]);
    expect(emblemFromFile(jpeg)).toMatchObject({ type: "jpg", width: 100, height: 120 });
    expect(() => emblemFromFile(new TextEncoder().encode("<svg/>"))).toThrow(/PNG หรือ JPEG/);
  });

  it("takes the office's file from --garuda or MINSTD_GARUDA_IMAGE, and says in Thai what is wrong with a bad one", async () => {
    expect(configuredEmblem("")).toBeUndefined();
    const official = join(dir, "official.png");
    const bytes = defaultEmblem().data.slice();
    writeFileSync(official, bytes);
    const emblem = configuredEmblem(official)!;
    expect(emblem.type).toBe("png");
    expect(() => configuredEmblem(join(dir, "missing.png"))).toThrow(EmblemError);
    expect(() => configuredEmblem(join(dir, "missing.png"))).toThrow(/อ่านไฟล์ภาพครุฑ/);

    const compiled = compileRound(round("2568"));
    const lao = testRegister().get(KHLONG_THOM_TAI_TOWN)!;
    const memo = buildMemo(compiled, lao, evaluateSubmission(document2568(), compiled, lao), {
      date: new Date(),
    });
    const zip = await JSZip.loadAsync(await memoDocx(memo, { emblem }));
    const media = Object.keys(zip.files).filter((f) => f.startsWith("word/media/"));
    expect(media).toHaveLength(1);
    expect(new Uint8Array(await zip.file(media[0]!)!.async("uint8array"))).toEqual(bytes);
  });
});
