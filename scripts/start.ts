/**
 * `npm start`: runs what MinStd has so far: the `minstd` command line and the collection server
 * on its embedded database (with a local practice setup, see startServer.ts).
 */
import { main } from "../src/cli/main";
import { startCollectionServer } from "./startServer";

async function start(): Promise<void> {
  console.log("MinStd — การประเมินมาตรฐานขั้นต่ำการจัดบริการสาธารณะของ อปท.\n");
  await main(["node", "minstd", "round", "list"]);
  console.log("\nลองใช้ / try:");
  console.log("  npx minstd lao find คลองท่อม");
  console.log("  npx minstd round show 2563");
  console.log("  npx minstd check examples/submission-2563.json");
  console.log("  npx minstd --help");
  const server = await startCollectionServer();
  console.log("\nหยุดด้วย Ctrl+C / stop with Ctrl+C");
  process.once("SIGINT", () => void server.stop());
  process.once("SIGTERM", () => void server.stop());
}

start().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
