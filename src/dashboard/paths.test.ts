import { paths, pathsFor } from "./paths";
import { parsePlace } from "./place";

describe("the first reads of each view", () => {
  it("draw the national view from completeness and results, leaving the round's definition for later", () => {
    const first = pathsFor(parsePlace("#/national?round=2568"));
    expect(first).toEqual(
      expect.arrayContaining([paths.me, paths.completeness("2568"), paths.results("2568")]),
    );
    expect(first).not.toContain(paths.round("2568"));
  });

  it("draw the province view from its list and results", () => {
    expect(pathsFor(parsePlace("#/province/30?round=2568"))).toEqual(
      expect.arrayContaining([paths.progress("2568", "30"), paths.results("2568", "30")]),
    );
  });
});
