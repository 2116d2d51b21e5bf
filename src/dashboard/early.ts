import { startEarlyReads } from "./earlyReads";

/** The page's first script, tiny and loaded asynchronously: see earlyReads.ts. */
startEarlyReads();
