/** A Storage over a Map: the page's localStorage for the Office.js double when it runs in Node. */
export function mapStorage(): Storage & { entries(): Record<string, string> } {
  const m = new Map<string, string>();
  return {
    get length() {
      return m.size;
    },
    key: (i: number) => [...m.keys()][i] ?? null,
    getItem: (k: string) => m.get(k) ?? null,
    setItem: (k: string, v: string) => void m.set(k, String(v)),
    removeItem: (k: string) => void m.delete(k),
    clear: () => m.clear(),
    entries: () => Object.fromEntries(m),
  };
}
