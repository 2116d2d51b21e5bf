import { FIRST_SCREEN_DATA_ID, type FirstScreenData } from "../api";
import { pageWithFirstScreen } from "./firstScreen";

const PAGE = `<!doctype html><html><head><script>early()</script><script type="module" src="a.js"></script></head>
<body><div id="root"></div></body></html>`;

describe("the page with a first screen", () => {
  const hostile = "</script><script>alert(1)</script><!--";
  const data: FirstScreenData = {
    place: "#/national?round=2569",
    tokenEnd: "abcdefgh",
    answers: { "/me": { displayName: hostile }, "/rounds": [{ id: "2569", title: "$& $1 $`" }] },
  };

  it("puts the data before the page's first script and the drawing in the root, the data unchanged", () => {
    const page = pageWithFirstScreen(PAGE, { markup: "<main>drawn $&</main>", data });
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
    const page = pageWithFirstScreen(PAGE, { markup: "", data });
    expect(page).not.toContain("alert(1)</script>");
    expect(page.match(/<script/g)).toHaveLength(3);
    expect(page.match(/<!--/g)).toBeNull();
  });
});
