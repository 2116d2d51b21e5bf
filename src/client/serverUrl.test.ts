import { parseServerUrl } from "./serverUrl";

describe("parseServerUrl", () => {
  it.each([
    ["https://minstd.example.go.th", "https://minstd.example.go.th", false],
    ["https://minstd.example.go.th/api/v1/", "https://minstd.example.go.th", false],
    ["minstd.example.go.th:8443", "https://minstd.example.go.th:8443", false],
    ["  https://example.go.th/minstd/  ", "https://example.go.th/minstd", false],
    ["http://127.0.0.1:8080", "http://127.0.0.1:8080", false],
    ["http://localhost:8080/api/v1", "http://localhost:8080", false],
    ["http://10.1.2.3:8080", "http://10.1.2.3:8080", true],
  ])("%s → %s", (typed, base, insecure) => {
    expect(parseServerUrl(typed)).toEqual({ ok: true, base, insecure });
  });

  it.each([
    "",
    "ftp://example.go.th",
    "https://example.go.th/?a=1",
    "https://user:pw@example.go.th",
    "http://",
  ])("refuses %j with a Thai message", (typed) => {
    const r = parseServerUrl(typed);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain("ที่อยู่เครื่องแม่ข่าย");
  });
});
