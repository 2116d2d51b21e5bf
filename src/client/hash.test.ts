import { documentFor } from "../../test/server/harness";
import { contentHash as serverHash } from "../server/secrets";
import { contentHash, newSubmissionId } from "./hash";

describe("the client's content hash", () => {
  it("is the server's, whatever the order of keys", async () => {
    const doc = documentFor("2568", "5110104", 3);
    const reverse = (o: object) => Object.fromEntries(Object.entries(o).reverse());
    const reordered = reverse({ ...doc, values: reverse(doc.values), basic: reverse(doc.basic!) });
    expect(JSON.stringify(reordered)).not.toBe(JSON.stringify(doc));
    expect(await contentHash(doc)).toBe(`sha256:${serverHash(doc)}`);
    expect(await contentHash(reordered)).toBe(await contentHash(doc));
    expect(await contentHash({ ...doc, lao: "5110105" })).not.toBe(await contentHash(doc));
  });

  it("hashes Thai text as UTF-8, as the server does", async () => {
    const doc = {
      round: "2563",
      lao: "4220102",
      values: { x: { value: "มี" } },
      basic: { preparer: { name: "นางสาวทดสอบ ใจดี" } },
    };
    expect(await contentHash(doc)).toBe(`sha256:${serverHash(doc)}`);
  });
});

describe("submission ids", () => {
  it("are random UUIDs the server accepts", () => {
    const ids = new Set(Array.from({ length: 1000 }, newSubmissionId));
    expect(ids.size).toBe(1000);
    for (const id of ids)
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
