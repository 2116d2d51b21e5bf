/**
 * `npm start`: runs what MinStd has so far. It prints the rounds and the `minstd` commands to try,
 * then runs the long-running services side by side until Ctrl+C: the add-in's dev server and the
 * collection server on its embedded database (with a local practice setup, see start/collectionServer.ts).
 */
import { main } from "../src/cli/main";
import { addinDevServer, sideloadInstructions } from "./start/addin";
import { collectionServer } from "./start/collectionServer";
import { startServices, type Service } from "./start/services";

const services: Service[] = [addinDevServer(), collectionServer()];

async function start(): Promise<void> {
  console.log("MinStd — การประเมินมาตรฐานขั้นต่ำการจัดบริการสาธารณะของ อปท.\n");
  await main(["node", "minstd", "round", "list"]);
  console.log("\nลองใช้ / try:");
  console.log("  npx minstd lao find คลองท่อม");
  console.log("  npx minstd round show 2563");
  console.log("  npx minstd check examples/submission-2563.json");
  console.log("  npx minstd --help");
  console.log(`\n${sideloadInstructions()}\n`);
  console.log("กด Ctrl+C เพื่อหยุด / press Ctrl+C to stop\n");

  const running = startServices(services);
  process.on("SIGINT", () => running.stop());
  process.on("SIGTERM", () => running.stop());
  process.exitCode = await running.done;
}

start().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
