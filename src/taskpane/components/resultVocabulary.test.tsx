import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { document2568, round } from "../../../test/taskpane/fixtures";
import { shippedRound, STATUSES, type Status } from "../../core";
import { resultShortText, resultText } from "../../i18n";
import { messagesFor } from "../i18n";
import { filledWorkbook } from "../../../test/taskpane/excelPane";
import { renderApp } from "../../../test/taskpane/render";

/** The pane names results with the core vocabulary's labels, never words of its own. */
describe("the pane's result labels", () => {
  const labelRound = shippedRound("2568")!;

  async function openPane() {
    const user = userEvent.setup();
    renderApp(await filledWorkbook(round("2568"), document2568()));
    await screen.findByRole("button", { name: "ตัวชี้วัด" });
    return user;
  }

  /** Each filter button's label without its count, and each shown status badge by its status. */
  function shownLabels(lang: "th" | "en") {
    const group = screen.getByRole("group", { name: messagesFor(lang).filterGroupLabel });
    const filters = within(group)
      .getAllByRole("button")
      .map((b) => b.textContent!.replace(/ \(\d+\)$/, ""));
    const badges = [...document.querySelectorAll("[data-status]")].map(
      (b) => [b.getAttribute("data-status") as Status, b.textContent!] as const,
    );
    return { filters, badges };
  }

  it.each(["th", "en"] as const)("filters by short label and badges by official label (%s)", async (lang) => {
    const user = await openPane();
    if (lang === "en") await user.click(screen.getByRole("button", { name: /English/ }));
    const { filters, badges } = shownLabels(lang);
    const shown = STATUSES.filter((s) => s !== "reported");
    expect(filters).toEqual([lang === "th" ? "ทั้งหมด" : "All", ...shown.map((s) => resultShortText(s)[lang])]);
    expect(badges.length).toBeGreaterThan(0);
    for (const [status, text] of badges) expect(text).toBe(resultText(status, labelRound)[lang]);
  });
});
