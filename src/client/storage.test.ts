import { MemoryStorage, webStorage, type WebStorageLike } from "./storage";

/** The Web Storage API's behaviour (what window.localStorage does), to check the adapter against. */
class WebStorageModel implements WebStorageLike {
  private readonly items = new Map<string, string>();
  get length(): number {
    return this.items.size;
  }
  key(index: number): string | null {
    return [...this.items.keys()][index] ?? null;
  }
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, String(value));
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
}

describe.each([
  ["MemoryStorage", () => new MemoryStorage()],
  ["webStorage(localStorage)", () => webStorage(new WebStorageModel())],
])("%s", (_name, make) => {
  it("gets, sets, lists and removes strings by key", async () => {
    const s = make();
    expect(await s.getItem("a")).toBeNull();
    await s.setItem("a", "1");
    await s.setItem("b", "สอง");
    await s.setItem("a", "one");
    expect(await s.getItem("a")).toBe("one");
    expect((await s.getKeys()).sort()).toEqual(["a", "b"]);
    await s.removeItem("a");
    expect(await s.getKeys()).toEqual(["b"]);
  });
});
