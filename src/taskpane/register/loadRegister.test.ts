import { REGISTER_CSV } from "../../../test/taskpane/fixtures";
import { registerLoader, REGISTER_ASSET, RegisterLoadError } from "./loadRegister";

describe("registerLoader", () => {
  it("fetches the register asset once and parses all 7,849 LAOs", async () => {
    const urls: string[] = [];
    const load = registerLoader(REGISTER_ASSET, async (url) => {
      urls.push(url);
      return REGISTER_CSV;
    });
    const [a, b] = await Promise.all([load(), load()]);
    expect(a).toBe(b);
    expect(a.size).toBe(7849);
    expect(a.get("6810403")?.name).toBe("คลองท่อมเหนือ");
    await load();
    expect(urls).toEqual(["lao-registry.csv"]);
  });

  it("reports a failed fetch in Thai and English, and tries again on the next call", async () => {
    let calls = 0;
    const load = registerLoader("x.csv", async () => {
      calls += 1;
      if (calls === 1) throw new Error("HTTP 404 Not Found for x.csv");
      return REGISTER_CSV;
    });
    const error = await load().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RegisterLoadError);
    expect((error as RegisterLoadError).th).toContain("โหลดทะเบียน อปท. ไม่สำเร็จ");
    expect((error as RegisterLoadError).en).toContain("HTTP 404");
    await expect(load()).resolves.toHaveProperty("size", 7849);
    expect(calls).toBe(2);
  });

  it("does not take a page that is not the register for it", async () => {
    const load = registerLoader("x.csv", async () => "<html>not found</html>");
    await expect(load()).rejects.toBeInstanceOf(RegisterLoadError);
  });
});
