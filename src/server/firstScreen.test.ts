import { FIRST_SCREEN_DATA_ID, type FirstScreenData } from "../api";
import { firstScreenJson, pageParts, restWithFirstScreen } from "./firstScreen";

const PAGE = `<!doctype html><html><head><script type="module" src="a.js"></script></head><body>
<script>early()</script><div id="root"></div></body></html>`;

describe("the page with a first screen", () => {
  const hostile = "</script><script>alert(1)</script><!--";
  const data: FirstScreenData = {
    place: "#/national?round=2569",
    tokenEnd: "abcdefgh",
    answers: { "/me": { displayName: hostile }, "/rounds": [{ id: "2569", title: "$& $1 $` \u2028" }] },
  };
  // The answers as the API sent them.
  const sent = Object.fromEntries(
    Object.entries(data.answers).map(([path, body]) => [path, JSON.stringify(body)]),
  );
  const withScreen = (markup: string) => {
    const { head, rest } = pageParts(PAGE);
    return (
      head + restWithFirstScreen(rest, { markup, json: firstScreenJson(data.place, "mst_xyzabcdefgh", sent) })
    );
  };

  it("sends the head (the scripts to fetch) before the drawing; the rest is the page as built", () => {
    const { head, rest } = pageParts(PAGE);
    expect(head).toMatch(/<body>$/);
    expect(head).toContain('src="a.js"');
    expect(head + rest).toBe(PAGE);
  });

  it("puts the data before the early script and the drawing in the root, the data unchanged", () => {
    const page = withScreen("<main>drawn $&</main>");
    const block = `<script type="application/json" id="${FIRST_SCREEN_DATA_ID}">`;
    expect(page.indexOf(block)).toBeLessThan(page.indexOf("<script>early()"));
    expect(page).toContain('<div id="root"><main>drawn $&</main></div>');
    const json = page.slice(
      page.indexOf(block) + block.length,
      page.indexOf("</script>", page.indexOf(block)),
    );
    expect(JSON.parse(json)).toEqual(data);
  });

  it("lets nothing in the data end its element or open another", () => {
    const page = withScreen("");
    expect(page).not.toContain("alert(1)</script>");
    expect(page.match(/<script/g)).toHaveLength(3);
    expect(page.match(/<!--/g)).toBeNull();
  });
});
