import { createRoot } from "react-dom/client";
import App from "./components/App";
import { earlyReadsSettled } from "./earlyReads";

/** How long the first render waits for the first view's answers before it draws "loading" instead. */
const FIRST_ANSWERS_WAIT_MS = 800;

const root = document.getElementById("root");
// The first view is drawn in one render from its answers, which come with the code.
if (root) void earlyReadsSettled(FIRST_ANSWERS_WAIT_MS).then(() => createRoot(root).render(<App />));
