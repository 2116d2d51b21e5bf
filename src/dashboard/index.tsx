import { createRoot } from "react-dom/client";
import App from "./components/App";
import { FIRST_SCREEN_STALE_CLASS } from "../api/firstScreen";
import { earlyReadsSettled, showsFirstScreen } from "./earlyReads";

/** How long the first render waits for the first view's answers before it draws "loading" instead. */
const FIRST_ANSWERS_WAIT_MS = 800;
/** A page in a background tab draws no frames: the app starts after this at the latest. */
const FRAME_WAIT_MS = 200;

function start(root: HTMLElement): void {
  createRoot(root).render(<App />);
  document.documentElement.classList.remove(FIRST_SCREEN_STALE_CLASS);
}

const root = document.getElementById("root");
if (root) {
  if (showsFirstScreen())
    // The page came with the first screen drawn (src/api/firstScreen.ts): let the browser paint it
    // before the app draws the same over it, else the app's first render would come before any paint.
    void new Promise<void>((resolve) => {
      requestAnimationFrame(() => setTimeout(resolve));
      setTimeout(resolve, FRAME_WAIT_MS);
    }).then(() => start(root));
  // The first view is drawn in one render from its answers, which come with the code. A drawing of
  // another place that came with the page stays hidden until then.
  else void earlyReadsSettled(FIRST_ANSWERS_WAIT_MS).then(() => start(root));
}
