import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { META_CELLS, META_SHEET } from "../../core";
import { emptyWorkbook } from "../../../test/taskpane/excelPane";
import { countingLoader, renderApp } from "../../../test/taskpane/render";

async function searchAndPick(user: ReturnType<typeof userEvent.setup>, query: string, option: RegExp) {
  const box = await screen.findByRole("combobox", { name: /อปท\. \(ค้นหาด้วยชื่อหรือรหัส/ });
  await user.click(box);
  await user.type(box, query);
  await user.click(await screen.findByRole("option", { name: option }));
}

describe("first run in an empty workbook", () => {
  it("finds the LAO by name, shows its type, district and province, and offers only its rounds", async () => {
    const user = userEvent.setup();
    renderApp(emptyWorkbook());
    expect(await screen.findByRole("heading", { name: "สร้างแบบรวบรวมข้อมูล" })).toBeInTheDocument();
    const box = await screen.findByRole("combobox");
    await user.type(box, "คลองท่อมใต้");
    const options = await screen.findAllByRole("option");
    // Both LAOs of that name, the เทศบาลตำบล and the อบต., with type, code, district and province.
    expect(options.map((o) => o.textContent)).toEqual([
      "เทศบาลตำบลคลองท่อมใต้เทศบาลตำบล · 5810401 · อ.คลองท่อม จ.กระบี่",
      "องค์การบริหารส่วนตำบลคลองท่อมใต้อบต. · 6810408 · อ.คลองท่อม จ.กระบี่",
    ]);
    await user.click(options[1]!);

    const card = screen.getByRole("region", { name: "อปท. ที่เลือก" });
    expect(within(card).getByRole("heading")).toHaveTextContent("องค์การบริหารส่วนตำบลคลองท่อมใต้");
    expect(card).toHaveTextContent("รหัส อปท.6810408");
    expect(card).toHaveTextContent("ประเภทองค์การบริหารส่วนตำบล");
    expect(card).toHaveTextContent("อำเภอคลองท่อม");
    expect(card).toHaveTextContent("จังหวัดกระบี่");
    // The 2568 round covers municipalities only.
    const radios = within(screen.getByRole("radiogroup")).getAllByRole("radio");
    expect(radios.map((r) => (r as HTMLInputElement).value)).toEqual([
      "2567",
      "2566",
      "2565",
      "2564",
      "2563",
    ]);
    expect(screen.queryByRole("radio", { name: /พ\.ศ\. 2568/ })).toBeNull();
    expect(screen.getByRole("radio", { name: /ประจำปี พ\.ศ\. 2567/ })).toBeChecked();
  });

  it("offers a municipality the 2568 round too, preselecting the newest when none is open", async () => {
    const user = userEvent.setup();
    renderApp(emptyWorkbook(), { now: "2026-01-10T10:00:00+07:00" });
    await searchAndPick(user, "5810401", /เทศบาลตำบลคลองท่อมใต้/);
    const radios = screen.getAllByRole("radio");
    expect(radios).toHaveLength(6);
    expect(screen.getByRole("radio", { name: /พ\.ศ\. 2568 \(เทศบาล\)/ })).toBeChecked();
    expect(screen.getByRole("radio", { name: /พ\.ศ\. 2568 \(เทศบาล\)/ })).toHaveAccessibleName(
      /รับข้อมูล 1 ก\.ค\. 2568 – 31 ส\.ค\. 2568 \(กำหนดการชั่วคราว\)/,
    );
  });

  it("finds the LAO by its code in Thai digits", async () => {
    const user = userEvent.setup();
    renderApp(emptyWorkbook());
    await searchAndPick(user, "๖๘๑๐๔๐๓", /องค์การบริหารส่วนตำบลคลองท่อมเหนือ/);
    expect(screen.getByRole("region", { name: "อปท. ที่เลือก" })).toHaveTextContent("6810403");
  });

  it("says when nothing matches", async () => {
    const user = userEvent.setup();
    renderApp(emptyWorkbook());
    await user.type(await screen.findByRole("combobox"), "ไม่มีชื่อนี้แน่นอน");
    expect(screen.getByText(/ไม่พบ อปท\. ที่ตรงกับ “ไม่มีชื่อนี้แน่นอน”/)).toBeInTheDocument();
    expect(screen.queryAllByRole("option")).toHaveLength(0);
  });

  it("keeps Create disabled until an LAO and a round are chosen", async () => {
    renderApp(emptyWorkbook());
    const create = await screen.findByRole("button", { name: "สร้างแบบรวบรวมข้อมูล" });
    expect(create).toBeDisabled();
    expect(screen.getByText("เลือก อปท. ก่อน แล้วจึงเลือกรอบการประเมิน")).toBeInTheDocument();
  });

  it("creates the workbook for the chosen round and LAO, then shows its indicators", async () => {
    const user = userEvent.setup();
    const { book } = renderApp(emptyWorkbook());
    await searchAndPick(user, "คลองท่อมใต้", /เทศบาลตำบลคลองท่อมใต้/);
    await user.click(screen.getByRole("radio", { name: /พ\.ศ\. 2564/ }));
    await user.click(screen.getByRole("button", { name: "สร้างแบบรวบรวมข้อมูล" }));
    expect(await screen.findByRole("button", { name: "ตัวชี้วัด" })).toHaveAttribute("aria-pressed", "true");
    // The workbook is built for that round and LAO: its metadata sheet names them, its forms are there.
    expect(book.content(META_SHEET, META_CELLS.round)).toBe("2564");
    expect(book.content(META_SHEET, META_CELLS.lao)).toBe("5810401");
    expect(book.content(META_SHEET, META_CELLS.laoType)).toBe("subdistrict");
    expect(book.excel.sheetNames()).toEqual(expect.arrayContaining(["แบบเทศบาล 1", "แบบเทศบาล 2-1"]));
    expect(screen.getByRole("heading", { level: 2, name: "เทศบาลตำบลคลองท่อมใต้" })).toBeInTheDocument();
    expect(screen.getAllByRole("listitem")).toHaveLength(8); // 2564: 3 + 5 indicators
  });

  it("says so when creating fails, and lets the officer try again", async () => {
    const user = userEvent.setup();
    const { book } = renderApp(emptyWorkbook());
    await searchAndPick(user, "6810403", /คลองท่อมเหนือ/);
    book.excel.faults.fail("sync", { code: "AccessDenied", message: "The workbook is protected" });
    const create = screen.getByRole("button", { name: "สร้างแบบรวบรวมข้อมูล" });
    await user.click(create);
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("สร้างแบบรวบรวมข้อมูลไม่สำเร็จ");
    expect(alert).toHaveTextContent("The workbook is protected");
    expect(book.excel.sheetNames()).not.toContain(META_SHEET);
    await user.click(screen.getByRole("button", { name: "สร้างแบบรวบรวมข้อมูล" }));
    expect(await screen.findByRole("button", { name: "ตัวชี้วัด" })).toBeInTheDocument();
    expect(book.content(META_SHEET, META_CELLS.lao)).toBe("6810403");
  });

  it("loads the register only on first run, and offers a retry when loading fails", async () => {
    const user = userEvent.setup();
    let fail = true;
    const good = countingLoader();
    const load = async () => {
      if (fail) throw Object.assign(new Error("offline"), { th: "โหลดทะเบียน อปท. ไม่สำเร็จ", en: "x" });
      return good.load();
    };
    renderApp(emptyWorkbook(), { loadRegister: load });
    expect(await screen.findByRole("alert")).toHaveTextContent("โหลดทะเบียน อปท. ไม่สำเร็จ");
    expect(screen.queryByRole("combobox")).toBeNull();
    fail = false;
    await user.click(screen.getByRole("button", { name: "ลองอีกครั้ง" }));
    expect(await screen.findByRole("combobox")).toBeInTheDocument();
    expect(good.calls()).toBe(1);
  });
});
