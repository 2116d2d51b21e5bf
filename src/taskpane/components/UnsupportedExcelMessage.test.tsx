import { screen } from "@testing-library/react";
import { renderInLanguage } from "../../../test/taskpane/render";
import { REQUIREMENT_SETS } from "../../excel/requirements";
import UnsupportedExcelMessage from "./UnsupportedExcelMessage";

describe("the message for an Excel without a required set", () => {
  it("links the collection server's upload page when the add-in was built with the server's address", () => {
    renderInLanguage(
      <UnsupportedExcelMessage
        missing={[REQUIREMENT_SETS.customFunctions]}
        server="https://minstd.example.go.th/api"
      />,
    );
    expect(screen.getByRole("link", { name: "https://minstd.example.go.th/api/dashboard/" })).toHaveAttribute(
      "href",
      "https://minstd.example.go.th/api/dashboard/",
    );
  });

  it("without an address it only names the page, and offers no link", () => {
    renderInLanguage(<UnsupportedExcelMessage missing={[REQUIREMENT_SETS.customFunctions]} server="" />);
    expect(screen.getByText(/เปิดหน้าเว็บ \/dashboard\/ ของเครื่องแม่ข่ายรับข้อมูล/)).toBeInTheDocument();
    expect(screen.queryByRole("link")).toBeNull();
  });

  it("lists each missing set in plain words with its name for whoever installs Office", () => {
    renderInLanguage(
      <UnsupportedExcelMessage missing={[REQUIREMENT_SETS.sharedRuntime, REQUIREMENT_SETS.workbookApi]} />,
      "en",
    );
    expect(
      screen.getByRole("heading", { level: 2, name: "This Excel cannot run the MinStd pane" }),
    ).toBeInTheDocument();
    expect(
      screen
        .getAllByRole("listitem")
        .slice(0, 2)
        .map((li) => li.textContent),
    ).toEqual([
      "running the pane together with the MINSTD.* formulas from when the workbook opens (SharedRuntime 1.1)",
      "building the collection workbook and following what is typed into its sheets (ExcelApi 1.9)",
    ]);
  });
});
