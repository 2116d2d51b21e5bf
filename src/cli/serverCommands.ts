import type { Command } from "commander";
import type { Output } from "./output";

/** Loaded when one of these commands runs (see main.ts). */
const admin = () => import("./adminCommands");

type Runner = <A extends unknown[]>(
  fn: (...args: A) => number | Promise<number>,
) => (...args: A) => Promise<void>;

/** `minstd serve` and `minstd admin …`: running and administering the collection server. */
export function registerServerCommands(program: Command, io: Output, run: Runner): void {
  const dataOption = "--data <dir>";
  const dataHelp =
    "โฟลเดอร์ฐานข้อมูลในเครื่อง (ค่าเริ่มต้น .minstd-data; ไม่ใช้เมื่อมี DATABASE_URL) / embedded database folder";

  program
    .command("serve")
    .description(
      "เปิดเครื่องแม่ข่ายรับข้อมูล (ฐานข้อมูลในเครื่อง หรือ PostgreSQL ตาม DATABASE_URL) / run the collection server",
    )
    .option("--port <n>", "พอร์ต (ค่าเริ่มต้น 8080 หรือ PORT) / port (default 8080 or PORT)")
    .option("--host <address>", "ที่อยู่ที่รับการเชื่อมต่อ (ค่าเริ่มต้น 127.0.0.1) / listen address (default 127.0.0.1)")
    .option(dataOption, dataHelp)
    .option(
      "--workers <n>",
      "จำนวนโปรเซส (ใช้กับ DATABASE_URL เท่านั้น ค่าเริ่มต้น 1) / server processes on one port (DATABASE_URL only, default 1)",
    )
    .action(
      run(async (opts: { port?: string; host?: string; data?: string; workers?: string }) =>
        (await import("./serveCommand")).serve(opts, io),
      ),
    );

  program
    .command("backup")
    .description(
      "สำรองฐานข้อมูลทั้งหมดเป็นไฟล์เดียว ทำได้ขณะเครื่องแม่ข่ายทำงาน / back up the whole database to one file, while the server runs",
    )
    .requiredOption("--out <file>", "ไฟล์สำรองที่จะเขียน / the backup file to write")
    .option(dataOption, dataHelp)
    .action(
      run(async (opts: { out: string; data?: string }) =>
        (await import("./backupCommands")).backup(opts, io),
      ),
    );
  program
    .command("restore")
    .argument("<file>", "ไฟล์สำรองจาก minstd backup / a file from minstd backup")
    .description(
      "กู้คืนฐานข้อมูลจากไฟล์สำรอง (หยุดเครื่องแม่ข่ายก่อน) / restore the database from a backup (stop the server first)",
    )
    .option(dataOption, dataHelp)
    .option("--force", "แทนที่ข้อมูลที่มีอยู่ / replace the data already there")
    .action(
      run(async (file: string, opts: { data?: string; force?: boolean }) =>
        (await import("./backupCommands")).restore(file, opts, io),
      ),
    );

  const adminCommand = program.command("admin").description("ดูแลเครื่องแม่ข่าย / administer the server");
  adminCommand
    .command("codes")
    .description("ออกรหัสเข้าใช้งานให้ทุก อปท. ในจังหวัด (CSV) / issue access codes for a province's LAOs (CSV)")
    .requiredOption("--province <code>", "รหัสจังหวัด 2 หลัก เช่น 22 / 2-digit province code")
    .option("-o, --output <file.csv>", "ไฟล์ CSV ที่จะเขียน (ไม่ระบุ = แสดงผล) / CSV file (default: stdout)")
    .option("--days <n>", "จำนวนวันที่รหัสใช้ได้ (60) / days a code stays valid (60)")
    .option(dataOption, dataHelp)
    .action(
      run(async (opts: { province: string; output?: string; days?: string; data?: string }) =>
        (await admin()).adminCodes(opts, io),
      ),
    );

  const user = adminCommand.command("user").description("ผู้ใช้ระดับจังหวัด ส่วนกลาง ผู้ดูแลระบบ / staff users");
  user
    .command("add")
    .description("เพิ่มผู้ใช้และออกรหัสเข้าใช้งานครั้งเดียว / add a user and print a one-time sign-in code")
    .requiredOption("--role <role>", "province | national | admin")
    .requiredOption("--name <name>", "ชื่อที่แสดง / display name")
    .option("--province <code>", "รหัสจังหวัด (สำหรับ province) / province code (for province)")
    .option("--days <n>", "จำนวนวันที่รหัสใช้ได้ (60) / days the code stays valid")
    .option(dataOption, dataHelp)
    .action(
      run(async (opts: { role: string; name: string; province?: string; days?: string; data?: string }) =>
        (await admin()).adminUserAdd(opts, io),
      ),
    );
  user
    .command("code")
    .argument("<id>", "หมายเลขผู้ใช้ / user id")
    .description("ออกรหัสเข้าใช้งานใหม่ให้ผู้ใช้ / issue a new sign-in code for a user")
    .option("--days <n>", "จำนวนวันที่รหัสใช้ได้ (60) / days the code stays valid")
    .option(dataOption, dataHelp)
    .action(
      run(async (id: string, opts: { days?: string; data?: string }) =>
        (await admin()).adminUserCode({ ...opts, id }, io),
      ),
    );
  for (const reactivate of [false, true])
    user
      .command(reactivate ? "reactivate" : "retire")
      .argument("<id>", "หมายเลขผู้ใช้ / user id")
      .description(
        reactivate
          ? "เปิดบัญชีที่ปิดไปแล้วคืน (บันทึกในบันทึกการใช้งาน) / reactivate a retired account (audited)"
          : "ปิดบัญชี: โทเค็นและรหัสที่ยังไม่ได้ใช้ใช้ไม่ได้อีก / retire an account: its tokens and codes stop working",
      )
      .option(dataOption, dataHelp)
      .action(
        run(async (id: string, opts: { data?: string }) =>
          (await admin()).adminUserRetirement({ ...opts, id, reactivate }, io),
        ),
      );
  user
    .command("list")
    .description("รายชื่อผู้ใช้ / list staff users")
    .option("--json", "ผลเป็น JSON / output JSON")
    .option(dataOption, dataHelp)
    .action(run(async (opts: { json?: boolean; data?: string }) => (await admin()).adminUserList(opts, io)));

  const round = adminCommand.command("round").description("รอบการประเมินบนเครื่องแม่ข่าย / rounds on the server");
  round
    .command("load")
    .argument("<file>", "ไฟล์รอบ .json หรือ .xlsx / a round file")
    .description("นำเข้าหรือแทนที่รอบ / load or replace a round")
    .option(dataOption, dataHelp)
    .action(
      run(async (file: string, opts: { data?: string }) =>
        (await admin()).adminRoundLoad({ ...opts, file }, io),
      ),
    );
  round
    .command("window")
    .argument("<round>", "รหัสรอบ / round id")
    .requiredOption("--opens <YYYY-MM-DD>", "วันเปิดรับ (ค.ศ.) / first day")
    .requiredOption("--closes <YYYY-MM-DD>", "วันปิดรับ ปิดเวลา 24.00 น. (ค.ศ.) / last day, closes at 24:00")
    .description("กำหนดช่วงเวลารับข้อมูล / set the submission window")
    .option(dataOption, dataHelp)
    .action(
      run(async (id: string, opts: { opens: string; closes: string; data?: string }) =>
        (await admin()).adminRoundWindow({ ...opts, round: id }, io),
      ),
    );
}
