/** Setup for component tests in jsdom: jest-dom matchers and the browser APIs Fluent UI expects. */
import "@testing-library/jest-dom";
import { configure } from "@testing-library/react";
import { TextDecoder, TextEncoder } from "node:util";

// Fluent's MessageBar and overflow measure with ResizeObserver, which jsdom lacks.
class ResizeObserverStub {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
globalThis.ResizeObserver ??= ResizeObserverStub as unknown as typeof ResizeObserver;

// Browsers have TextEncoder; jsdom does not. The memo's Word writer (docx) encodes with it.
globalThis.TextEncoder ??= TextEncoder as typeof globalThis.TextEncoder;
globalThis.TextDecoder ??= TextDecoder as typeof globalThis.TextDecoder;

// Fluent's Dialog and motion read matchMedia; jsdom has none.
if (typeof window.matchMedia !== "function") {
  window.matchMedia = (query: string): MediaQueryList =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      addListener: () => undefined,
      removeListener: () => undefined,
      dispatchEvent: () => false,
    }) as MediaQueryList;
}

// The pane loads its first-run setup and its summary view with import(); in Jest that first import
// compiles those modules (and Fluent's Combobox), which takes more than findBy*'s default second
// when the machine is busy. findBy* and waitFor wait for what they look for; this is only how long
// before they give up, generous so that a busy machine never fails them.
configure({ asyncUtilTimeout: 60_000 });
