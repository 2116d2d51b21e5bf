/**
 * `npm start`: runs what MinStd has so far. Today that is the `minstd` command line; the add-in's
 * dev server and the collection server join here as they are built.
 */
import { main } from "../src/cli/main";

async function start(): Promise<void> {
  console.log("MinStd — การประเมินมาตรฐานขั้นต่ำการจัดบริการสาธารณะของ อปท.\n");
  await main(["node", "minstd", "round", "list"]);
  console.log("\nลองใช้ / try:");
  console.log("  npx minstd lao find คลองท่อม");
  console.log("  npx minstd round show 2563");
  console.log("  npx minstd check examples/submission-2563.json");
  console.log("  npx minstd --help");
}

start().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
