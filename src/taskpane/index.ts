/** The task pane's entry: for now a placeholder that names the product; the full pane replaces it. */
import { loadWithDocument } from "./startup";

const root = document.getElementById("root");
if (root) root.textContent = "MinStd — มาตรฐานขั้นต่ำการจัดบริการสาธารณะ";

Office.onReady((info) => loadWithDocument(info)).catch((e: unknown) => console.error(e));
