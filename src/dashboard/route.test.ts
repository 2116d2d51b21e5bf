import { parsePlace, placeHref } from "./route";

describe("the dashboard's places", () => {
  it("reads the view, its target and its parameters from the hash", () => {
    expect(parsePlace("")).toMatchObject({ view: "home" });
    expect(parsePlace("#/national?round=2568")).toMatchObject({ view: "national" });
    const p = parsePlace("#/province/22?round=2568&status=late&q=%E0%B8%97%E0%B9%88%E0%B8%B2");
    expect(p).toMatchObject({ view: "province", province: "22" });
    expect(p.params.get("status")).toBe("late");
    expect(p.params.get("q")).toBe("ท่า");
    expect(parsePlace("#/lao/4220102?round=2569")).toMatchObject({ view: "lao", lao: "4220102" });
  });

  it("reads an LAO officer's own pages: upload, a receipt by version, and the history", () => {
    expect(parsePlace("#/my?round=2568")).toMatchObject({ view: "my", page: "upload" });
    expect(parsePlace("#/my/receipt/2?round=2568")).toMatchObject({
      view: "my",
      page: "receipt",
      version: 2,
    });
    expect(parsePlace("#/my/history")).toMatchObject({ view: "my", page: "history" });
    expect(parsePlace("#/my/receipt/0")).toMatchObject({ view: "my", page: "upload" });
  });

  it("reads a province's access-code page, and the admin's page before a province is chosen", () => {
    expect(parsePlace("#/codes/22")).toMatchObject({ view: "codes", province: "22" });
    expect(parsePlace("#/codes")).toMatchObject({ view: "codes", province: undefined });
    expect(parsePlace("#/codes/2x")).toMatchObject({ view: "codes", province: undefined });
  });

  it("falls back to home for anything else, and writes hashes without empty parameters", () => {
    expect(parsePlace("#/province/2x").view).toBe("home");
    expect(parsePlace("#/lao/123").view).toBe("home");
    expect(placeHref("/province/22", { round: "2568", status: "", q: "ท่า" })).toBe(
      "#/province/22?round=2568&q=%E0%B8%97%E0%B9%88%E0%B8%B2",
    );
  });
});
