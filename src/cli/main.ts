import { Command, CommanderError } from "commander";
import { version } from "../../package.json";
import { RoundError } from "../core/rules/roundTerms";
import { roundErrorText } from "../i18n/issues";
import { pickLang, processOutput, UsageError, type Output } from "./output";
import type { ReportOptions } from "./reportCommands";
import { registerServerCommands } from "./serverCommands";
import type { SubmitCommandOptions } from "./submitCommand";

/**
 * Each command's module is loaded when the command runs, so `minstd --help` or `minstd round list`
 * does not load the workbook, server and database libraries. Commands that read files load the
 * .xlsx reader first, so a collection workbook reads like a JSON document.
 */
const roundCommands = () => import("./roundCommands");
const withXlsx = async <M>(load: () => Promise<M>): Promise<M> => {
  await import("./xlsxSubmissionReader");
  return load();
};

/**
 * `minstd`: one entry for people and scripts. Exit codes: 0 done, 1 the data has problems (or the
 * server refused it), 3 a submission is kept in the outbox but not acknowledged yet,
 * 2 the command was used wrongly.
 */
export function buildProgram(io: Output, setCode: (code: number) => void): Command {
  const program = new Command("minstd");
  const run =
    <A extends unknown[]>(fn: (...args: A) => number | Promise<number>) =>
    async (...args: A): Promise<void> => {
      setCode(await fn(...args));
    };
  const lang = (): ReturnType<typeof pickLang> => pickLang(program.opts<{ lang?: string }>().lang);

  program
    .description(
      "MinStd — การประเมินมาตรฐานขั้นต่ำการจัดบริการสาธารณะของ อปท.\nMinStd — the minimum-standard assessment of LAO public services",
    )
    .version(version, "-V, --version", "รุ่นของโปรแกรม / the program's version")
    .option("--lang <th|en>", "ภาษาของข้อความ (ค่าเริ่มต้น th) / message language (default th)")
    .helpOption("-h, --help", "แสดงวิธีใช้ / show help")
    .addHelpCommand("help [command]", "แสดงวิธีใช้ของคำสั่ง / show help for a command")
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) })
    .showHelpAfterError("(ดูวิธีใช้ / see: minstd help)")
    .exitOverride();

  const round = program.command("round").description("รอบการประเมิน / assessment rounds");
  round
    .command("list")
    .description("รายการรอบการประเมิน / list the rounds")
    .option("--json", "ผลเป็น JSON / output JSON")
    .action(run(async (opts: { json?: boolean }) => (await roundCommands()).roundList(opts, io)));
  round
    .command("show")
    .argument("<round>", "รหัสรอบ เช่น 2563 หรือไฟล์รอบ / round id, e.g. 2563, or a round file")
    .description("ตัวชี้วัดและค่าเป้าหมายของรอบ / the round's indicators and targets")
    .option("--json", "ผลเป็น JSON / output JSON")
    .action(
      run(async (ref: string, opts: { json?: boolean }) => (await roundCommands()).roundShow(ref, opts, io)),
    );
  round
    .command("import")
    .argument("<file.xlsx>", "แบบรอบการประเมิน (ดู minstd round export) / a round workbook")
    .description("อ่านรอบจากไฟล์ Excel แล้วเขียน JSON / read a round workbook and write round JSON")
    .option("-o, --output <file.json>", "ไฟล์ JSON ที่จะเขียน (ไม่ระบุ = แสดงผล) / output file (default: stdout)")
    .action(
      run(async (file: string, opts: { output?: string }) =>
        (await roundCommands()).roundImport(file, opts, io),
      ),
    );
  round
    .command("export")
    .argument("<round>", "รหัสรอบ เช่น 2563 / round id")
    .description("เขียนรอบเป็นไฟล์ Excel รูปแบบเดียวกับที่นำเข้า / write a round as a round workbook")
    .option("-o, --output <file.xlsx>", "ไฟล์ที่จะเขียน / output file")
    .action(
      run(async (ref: string, opts: { output?: string }) =>
        (await roundCommands()).roundExport(ref, opts, io),
      ),
    );

  const lao = program.command("lao").description("ทะเบียน อปท. / the LAO register");
  lao
    .command("find")
    .argument("<text...>", "ชื่อ รหัส อำเภอ หรือจังหวัด / name, code, district or province")
    .description("ค้นหา อปท. / find an LAO")
    .option("--json", "ผลเป็น JSON / output JSON")
    .option("--limit <n>", "จำนวนผลสูงสุด (20) / most results (20)")
    .action(
      run(async (words: string[], opts: { json?: boolean; limit?: string }) =>
        (await import("./laoCommands")).laoFind(words, opts, io),
      ),
    );

  program
    .command("check")
    .argument(
      "<file>",
      "เอกสารส่งข้อมูล .json หรือแบบรวบรวมข้อมูล .xlsx / a submission document or collection workbook",
    )
    .description("ตรวจข้อมูลและคำนวณผลการประเมิน / check a submission and compute its results")
    .option("--json", "ผลเป็น JSON / output JSON")
    .action(
      run(async (file: string, opts: { json?: boolean }) =>
        (await withXlsx(() => import("./checkCommand"))).check(file, opts, lang(), io),
      ),
    );

  program
    .command("template")
    .description("สร้างแบบรวบรวมข้อมูล (.xlsx) ของ อปท. / write the collection workbook of an LAO")
    .option("--round <round>", "รหัสรอบ เช่น 2568 / round id")
    .option("--lao <code>", "รหัส อปท. 7 หลัก / the 7-digit LAO code")
    .option("-o, --output <file.xlsx>", "ไฟล์ที่จะเขียน / output file")
    .option("--refresh", "ปรับแบบที่มีอยู่โดยคงค่าที่กรอกไว้ / rewrite an existing workbook, keeping its values")
    .action(
      run(async (opts: { round?: string; lao?: string; output?: string; refresh?: boolean }) =>
        (await import("./templateCommand")).template(opts, io),
      ),
    );

  program
    .command("schema")
    .argument("<which>", "round หรือ submission")
    .description("JSON Schema ของไฟล์รอบหรือเอกสารส่งข้อมูล / JSON Schema of a round or a submission")
    .action(run(async (which: string) => (await import("./schemaCommand")).schema(which, io)));

  program
    .command("submit")
    .argument(
      "[file]",
      "แบบรวบรวมข้อมูล .xlsx (หรือเอกสาร .json); ไม่ระบุ = ส่งที่ค้างไว้ / a collection workbook; none: send what is waiting",
    )
    .description(
      "ส่งข้อมูลไปยังเครื่องแม่ข่าย ได้ใบรับ (ตรวจแบบเดียวกับ check ก่อนส่ง) / submit to the collection server and print the receipt",
    )
    .option("--server <url>", "ที่อยู่เครื่องแม่ข่าย (หรือ MINSTD_SERVER) / the server's address (or MINSTD_SERVER)")
    .option(
      "--code <code>",
      "รหัสเข้าใช้งานครั้งเดียวจากจังหวัด (หรือ MINSTD_ACCESS_CODE; โทเค็นใช้ MINSTD_TOKEN) / one-time access code (or MINSTD_ACCESS_CODE; a token: MINSTD_TOKEN)",
    )
    .option(
      "--no-save-token",
      "ไม่เก็บโทเค็นไว้ในเครื่อง และออกจากระบบเมื่อเสร็จ / keep no token; sign out at the end",
    )
    .option(
      "--expect-version <n>",
      "ส่งเฉพาะเมื่อฉบับล่าสุดบนเครื่องแม่ข่ายคือฉบับที่ n (0 = ยังไม่เคยส่ง) / send only if the server's latest is version n (0: none)",
    )
    .option(
      "--replace-latest",
      "ให้แฟ้มนี้แทนฉบับล่าสุดบนเครื่องแม่ข่าย แม้ใหม่กว่าที่ส่งจากเครื่องนี้ / replace the server's latest version even if it is newer than this computer's",
    )
    .option("--device <name>", "ชื่อเครื่องนี้ที่จะแสดงในระบบ / a name for this computer")
    .option(
      "--attempts <n>",
      "จำนวนครั้งที่ลองแต่ละคำขอก่อนเก็บไว้ในรายการรอส่ง (6) / tries per request before keeping the version in the outbox (6)",
    )
    .option(
      "--discard <id>",
      "ลบฉบับที่เครื่องแม่ข่ายไม่รับออกจากรายการรอส่ง / remove a refused version from the outbox",
    )
    .option("--json", "ผลเป็น JSON / output JSON")
    .action(
      run(async (file: string | undefined, opts: SubmitCommandOptions) =>
        (await withXlsx(() => import("./submitCommand"))).submit(file, opts, lang(), io),
      ),
    );

  program
    .command("signout")
    .description("ออกจากระบบ: ยกเลิกโทเค็นที่เก็บไว้ในเครื่องนี้ / sign out: revoke the tokens kept on this computer")
    .option("--server <url>", "ที่อยู่เครื่องแม่ข่าย (หรือ MINSTD_SERVER) / the server's address")
    .option("--lao <code>", "เฉพาะ อปท. นี้ / only this LAO")
    .action(
      run(async (opts: { server?: string; lao?: string }) =>
        (await import("./submitCommand")).signout(opts, lang(), io),
      ),
    );
  const report = program
    .command("report")
    .description("รายงานผลของ อปท. (บันทึกข้อความ สรุปผล) / an LAO's own report (memo, summary sheet)");
  const source = (c: Command) =>
    c
      .argument(
        "[file]",
        "แบบรวบรวมข้อมูล .xlsx หรือเอกสารส่งข้อมูล .json / a collection workbook or submission file",
      )
      .option(
        "--lao <code>",
        "รหัส อปท. (อ่านจากฐานข้อมูลของเครื่องแม่ข่าย) / LAO code (read from the server's database)",
      )
      .option("--round <round>", "รหัสรอบ (ใช้กับ --lao) / round id (with --lao)")
      .option("--data <dir>", "โฟลเดอร์ฐานข้อมูลในเครื่อง (ค่าเริ่มต้น .minstd-data) / embedded database folder")
      .option("-o, --output <file>", "ไฟล์ที่จะเขียน / output file");
  source(report.command("memo"))
    .description("ร่างบันทึกข้อความรายงานผลต่อผู้บริหาร (.docx) / a draft memo to the executives (.docx)")
    .option("--date <YYYY-MM-DD>", "วันที่ของบันทึก (ค.ศ., ค่าเริ่มต้นวันนี้) / the memo's date (default today)")
    .option("--reference <text>", "เลขที่ (ที่) / the memo's reference number")
    .option("--department <text>", "ส่วนราชการ / the office writing it")
    .option("--to <text>", "เรียน / addressee")
    .option("--signer <name>", "ชื่อผู้ลงนาม / who signs")
    .option("--position <text>", "ตำแหน่งผู้ลงนาม / the signer's position")
    .option(
      "--garuda <file>",
      "ไฟล์ภาพตราครุฑ PNG/JPEG (ค่าเริ่มต้น MINSTD_GARUDA_IMAGE หรือภาพวาดของ MinStd) / the Garuda emblem image",
    )
    .action(
      run(async (file: string | undefined, opts: ReportOptions) =>
        (await withXlsx(() => import("./reportCommands"))).reportMemo(file, opts, lang(), io),
      ),
    );
  source(report.command("summary"))
    .description(
      "สรุปผลประเมินแบบที่ระบบพิมพ์ (.xlsx) / the summary sheet shaped like the official printout (.xlsx)",
    )
    .action(
      run(async (file: string | undefined, opts: ReportOptions) =>
        (await withXlsx(() => import("./reportCommands"))).reportSummary(file, opts, lang(), io),
      ),
    );

  registerServerCommands(program, io, run);
  return program;
}

export async function main(argv: readonly string[], io: Output = processOutput): Promise<number> {
  let code = 0;
  const program = buildProgram(io, (c) => (code = c));
  try {
    if (argv.length <= 2) {
      program.outputHelp();
      return 2;
    }
    await program.parseAsync([...argv]);
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      return e.code === "commander.helpDisplayed" ||
        e.code === "commander.help" ||
        e.code === "commander.version"
        ? 0
        : 2;
    }
    if (e instanceof UsageError) {
      io.err(e.message);
      return 2;
    }
    io.err(unexpected(e));
    return 1;
  }
}

/**
 * What went wrong that no command foresaw, said without a stack trace (officers run this too); the
 * trace only with MINSTD_DEBUG=1, for whoever fixes it.
 */
function unexpected(e: unknown): string {
  // A refused round (one stored by a newer version) is named in both languages, as it always was.
  const firstLine = (text: string) => text.split("\n")[0];
  const message =
    e instanceof RoundError
      ? firstLine(roundErrorText(e))
      : e instanceof Error
        ? firstLine(e.message)
        : String(e);
  const lines = [
    `เกิดข้อผิดพลาดที่ไม่คาดคิด: ${message} — ตรวจสอบสิ่งที่พิมพ์ แล้วลองอีกครั้ง ถ้ายังเกิดซ้ำ ให้แจ้งผู้ดูแลระบบพร้อมข้อความนี้`,
    `unexpected error: ${message} (MINSTD_DEBUG=1 shows the details)`,
  ];
  if (process.env.MINSTD_DEBUG && e instanceof Error && e.stack) lines.push(e.stack);
  return lines.join("\n");
}

// `node dist/cli/minstd.js …` runs the command as `bin/minstd.js` does (which also loads this file).
if (require.main === module) {
  main(process.argv).then(
    (code) => (process.exitCode = code),
    (e: unknown) => {
      console.error(unexpected(e));
      process.exitCode = 1;
    },
  );
}
