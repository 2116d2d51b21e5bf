/**
 * The task pane's entry: the CustomFunctions stand-in first (functions.js, loaded next by this page,
 * registers the MINSTD.* functions with it outside Excel), then the pane (startPane).
 */
import "./customFunctionsGuard";
import { startPane } from "./startPane";

void startPane(document.getElementById("root")!);
