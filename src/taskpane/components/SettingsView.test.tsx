import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MemoryStorage } from "../../client/storage";
import { ConnectionContext, useConnectionModel } from "../hooks/useConnection";
import { Connection } from "../server/connection";
import { renderInLanguage } from "../../../test/taskpane/render";
import SettingsView from "./SettingsView";

/** A server answering sign-in as the collection server does: one code works once. */
function serverFetch(validCode: string): { fetch: typeof fetch; calls: string[] } {
  const calls: string[] = [];
  let used = false;
  // jsdom has no fetch Response: the fields the client reads.
  const json = (status: number, body: unknown) => ({
    ok: status >= 200 && status < 300,
    status,
    headers: { get: (name: string) => (name === "content-type" ? "application/json" : null) },
    text: async () => JSON.stringify(body),
  });
  const fetchImpl = (async (url: string, init?: RequestInit) => {
    calls.push(`${init?.method ?? "GET"} ${url}`);
    if (url.endsWith("/api/v1/sessions") && init?.method === "POST") {
      const { code } = JSON.parse(String(init.body)) as { code: string };
      if (code !== validCode || used)
        return json(400, {
          status: 400,
          code: "access-code-invalid",
          message: "รหัสไม่ถูกต้อง",
          messageEn: "bad code",
        });
      used = true;
      return json(201, {
        token: "tok_abcdefghijklmnopqrstuvwxyz",
        user: { role: "lao", displayName: "เทศบาลตำบลคลองท่อมใต้", laoCode: "5810401", provinceCode: "81" },
      });
    }
    if (url.endsWith("/api/v1/sessions/current")) return json(200, { signedOut: true });
    return json(404, { code: "not-found", message: "ไม่พบ", messageEn: "not found" });
  }) as typeof fetch;
  return { fetch: fetchImpl, calls };
}

function Harness({ connection }: { connection: Connection }) {
  const model = useConnectionModel(async () => connection, true);
  return (
    <ConnectionContext.Provider value={model}>
      <SettingsView />
    </ConnectionContext.Provider>
  );
}

describe("the server settings", () => {
  it("says in Thai what is missing before sending anything", async () => {
    const server = serverFetch("ABCD-1234");
    renderInLanguage(<Harness connection={new Connection(new MemoryStorage(), "", server.fetch)} />);
    await userEvent.click(await screen.findByRole("button", { name: "ลงชื่อเข้าใช้" }));
    expect(screen.getByText("กรอกที่อยู่เครื่องแม่ข่าย เช่น https://minstd.example.go.th")).toBeInTheDocument();
    expect(screen.getByText("กรอกรหัสเข้าใช้งานที่ได้รับจากจังหวัด")).toBeInTheDocument();
    await userEvent.type(screen.getByRole("textbox", { name: /ที่อยู่เครื่องแม่ข่าย/ }), "http://");
    expect(screen.getByText(/ที่อยู่เครื่องแม่ข่าย “http:\/\/” ไม่ถูกต้อง/)).toBeInTheDocument();
    expect(server.calls).toEqual([]);
  });

  it("signs in with the code, keeps the token in the add-in's storage, warns of plain http, and signs out", async () => {
    const server = serverFetch("ABCD-1234");
    const storage = new MemoryStorage();
    renderInLanguage(
      <Harness connection={new Connection(storage, "http://192.0.2.10:8080", server.fetch)} />,
    );
    const code = await screen.findByRole("textbox", { name: /รหัสเข้าใช้งาน/ });
    await userEvent.type(code, "WRONG");
    await userEvent.click(screen.getByRole("button", { name: "ลงชื่อเข้าใช้" }));
    expect(await screen.findByText(/รหัสเข้าใช้งานไม่ถูกต้อง ใช้ไปแล้ว หรือหมดอายุ/)).toBeInTheDocument();
    expect(screen.getByText(/ใช้ http ไม่เข้ารหัส/)).toBeInTheDocument();

    await userEvent.clear(code);
    await userEvent.type(code, "ABCD-1234");
    await userEvent.click(screen.getByRole("button", { name: "ลงชื่อเข้าใช้" }));
    expect(await screen.findByText("ลงชื่อเข้าใช้แล้ว: เทศบาลตำบลคลองท่อมใต้")).toBeInTheDocument();
    const kept = await Promise.all((await storage.getKeys()).map((k) => storage.getItem(k)));
    expect(kept.join("\n")).toContain("tok_abcdefghijklmnopqrstuvwxyz");
    expect(kept).toContain("http://192.0.2.10:8080");

    await userEvent.click(screen.getByRole("button", { name: "ออกจากระบบบนเครื่องนี้" }));
    expect(await screen.findByText(/ออกจากระบบแล้ว/)).toBeInTheDocument();
    await waitFor(async () =>
      expect((await storage.getKeys()).some((k) => k.includes("session"))).toBe(false),
    );
    expect(server.calls).toContain("DELETE http://192.0.2.10:8080/api/v1/sessions/current");
  });
});
