import { writeFileSync } from "node:fs";
import {
  compileRound,
  describeClose,
  formatThaiDate,
  bangkokStartOfDay,
  indicatorText,
  LAO_TYPE_INFO,
  type Round,
} from "../core";
import { allRounds, loadRoundFile, resolveRound, RoundFileError } from "../dataFiles";
import { exportRoundWorkbook } from "../xlsx/roundWorkbook";
import { json, padEnd, UsageError, type Output } from "./output";

function provisionalCount(round: Round): number {
  return compileRound(round).indicators.filter((i) => Object.values(i.targets).some((t) => t.provisional))
    .length;
}

function roundSummary(round: Round) {
  const compiled = compileRound(round);
  return {
    id: round.id,
    year: round.year,
    fiscalYear: round.fiscalYear,
    title: round.title,
    laoTypes: round.laoTypes,
    window: round.window,
    areas: round.areas.length,
    indicators: compiled.indicators.length,
    provisionalTargets: provisionalCount(round),
  };
}

export async function roundList(opts: { json?: boolean }, io: Output): Promise<number> {
  const rounds = await allRounds();
  if (opts.json) {
    io.out(json(rounds.map(roundSummary)));
    return 0;
  }
  io.out("รอบการประเมิน / assessment rounds");
  for (const round of rounds) {
    const s = roundSummary(round);
    const types = round.laoTypes.map((t) => LAO_TYPE_INFO[t].th).join(", ");
    const window = `${formatThaiDate(bangkokStartOfDay(round.window.opens), { month: "short", digits: "arabic" })} – ${describeClose(round.window, "arabic")}`;
    io.out(`\n${s.id}  ${round.title}`);
    io.out(`      ${s.indicators} ตัวชี้วัด ใน ${s.areas} ด้าน · ประเภท: ${types}`);
    io.out(`      เปิดรับ ${window}${round.window.provisional ? " (ช่วงเวลาชั่วคราว / provisional)" : ""}`);
    if (s.provisionalTargets > 0) {
      io.out(
        `      ⚠ ${s.provisionalTargets} ตัวชี้วัดมีค่าเป้าหมายชั่วคราว (provisional) อย่างน้อยหนึ่งประเภท อปท. — ยังไม่มีแหล่งอ้างอิง`,
      );
    }
  }
  return 0;
}

async function requireRound(ref: string): Promise<Round> {
  const round = await resolveRound(ref);
  if (!round) {
    const ids = (await allRounds()).map((r) => r.id).join(", ");
    throw new UsageError(`ไม่มีรอบการประเมิน “${ref}” — รอบที่มี: ${ids} / no such round; known rounds: ${ids}`);
  }
  return round;
}

/** The round with a flat list of its indicators, for scripts: every indicator has id and text. */
export function roundForScripts(round: Round) {
  const compiled = compileRound(round);
  return {
    ...round,
    indicators: compiled.indicators.map((i) => ({
      id: i.def.id,
      text: i.def.text,
      area: i.area.id,
      mission: i.mission.id,
      no: i.def.no,
      kind: i.def.kind,
      unit: i.def.unit,
      comparison: i.def.comparison,
      targets: i.targets,
      ...(i.def.inputs && { inputs: i.def.inputs }),
      ...(i.def.short && { short: i.def.short }),
    })),
  };
}

export async function roundShow(ref: string, opts: { json?: boolean }, io: Output): Promise<number> {
  const round = await requireRound(ref);
  if (opts.json) {
    io.out(json(roundForScripts(round)));
    return 0;
  }
  io.out(`${round.id}  ${round.title}`);
  io.out(`ปีงบประมาณที่ประเมิน พ.ศ. ${round.fiscalYear} · ${describeClose(round.window, "arabic")}`);
  for (const area of round.areas) {
    io.out(`\n${area.title}  (แบบ ${area.form})`);
    for (const mission of area.missions) {
      io.out(`  ${mission.title}`);
      for (const ind of mission.indicators) {
        const compiled = compileRound(round).byId.get(ind.id)!;
        io.out(`    ${padEnd(ind.id, 12)} ${ind.no}. ${indicatorText(ind, undefined)}`);
        const targets = Object.entries(compiled.targets)
          .map(
            ([type, t]) =>
              `${LAO_TYPE_INFO[type as keyof typeof LAO_TYPE_INFO].th} ${ind.comparison === "<=" ? "≤" : "≥"}${t.value}${t.provisional ? "*" : ""}`,
          )
          .join(", ");
        io.out(`                 ${ind.unit} · เป้าหมาย: ${targets}`);
      }
    }
  }
  if (provisionalCount(round) > 0) io.out("\n* ค่าเป้าหมายชั่วคราว (provisional): ยังไม่มีแหล่งอ้างอิง");
  return 0;
}

export async function roundImport(file: string, opts: { output?: string }, io: Output): Promise<number> {
  try {
    const round = await loadRoundFile(file);
    const text = `${json(round)}\n`;
    if (opts.output) {
      writeFileSync(opts.output, text);
      io.err(`นำเข้ารอบ ${round.id} (${compileRound(round).indicators.length} ตัวชี้วัด) → ${opts.output}`);
    } else {
      io.out(text.trimEnd());
    }
    return 0;
  } catch (e) {
    if (!(e instanceof RoundFileError)) throw e;
    io.err(`นำเข้าไม่ได้ — แก้ไขตามรายการนี้แล้วลองอีกครั้ง / cannot import; fix these and try again:`);
    for (const p of e.problems) io.err(`- ${p}`);
    return 1;
  }
}

export async function roundExport(ref: string, opts: { output?: string }, io: Output): Promise<number> {
  if (!opts.output)
    throw new UsageError("ระบุไฟล์ที่จะเขียนด้วย -o FILE.xlsx / give the output file with -o FILE.xlsx");
  const round = await requireRound(ref);
  writeFileSync(opts.output, await exportRoundWorkbook(round));
  io.err(`เขียนรอบ ${round.id} → ${opts.output}`);
  return 0;
}
