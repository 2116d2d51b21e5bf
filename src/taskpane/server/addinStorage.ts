import { MemoryStorage, webStorage, type KeyValueStorage } from "../../client/storage";

/**
 * The add-in's own storage: OfficeRuntime.storage in Excel (kept per add-in, survives closing
 * Excel, never part of a workbook), the page's localStorage where there is none, else memory.
 */
export function addinStorage(): KeyValueStorage {
  const runtime = (globalThis as { OfficeRuntime?: { storage?: KeyValueStorage } }).OfficeRuntime;
  if (runtime?.storage) return runtime.storage;
  try {
    const local = (globalThis as { localStorage?: Storage }).localStorage;
    if (local) return webStorage(local);
  } catch {
    // Storage blocked by the browser's settings: keep this session's sign-in in memory.
  }
  return new MemoryStorage();
}
