import { parseRound, type Round, type RoundInput } from "./round";
import type { IndicatorKind } from "./round";
import { LAO_TYPES } from "./laoTypes";

/**
 * A generated round for tests and benchmarks: `count` indicators spread over six areas, of
 * every kind, with targets that differ by LAO type. The 2563 round had 214 indicators for อบต.
 */
export function generatedRound(count = 214, id = "G214"): Round {
  const kinds: IndicatorKind[] = ["ratio", "ratio", "ratio", "count", "yesno", "satisfaction"];
  const areas: RoundInput["areas"] = [];
  const areaCount = 6;
  for (let a = 1; a <= areaCount; a++) {
    areas.push({
      id: String(a),
      title: `ด้านที่ ${a} ทดสอบ`,
      form: `2-${a}`,
      missions: [{ id: "1", title: `ภารกิจที่ 1 ของด้านที่ ${a}`, indicators: [] }],
    });
  }
  for (let i = 0; i < count; i++) {
    const area = areas[i % areaCount]!;
    const kind = kinds[i % kinds.length]!;
    const n = area.missions[0]!.indicators.length + 1;
    const percentLike = kind === "ratio" || kind === "satisfaction";
    area.missions[0]!.indicators.push({
      id: `${id}-${area.id}-${String(n).padStart(3, "0")}`,
      no: String(n),
      text: `ตัวชี้วัดทดสอบที่ ${i + 1} ของ {lao_type} (${kind})`,
      kind,
      unit: percentLike ? "ร้อยละ" : kind === "count" ? "ครั้ง" : "มี/ไม่มี",
      ...(percentLike && { inputs: { base: "(1) ทั้งหมด", served: "(2) ที่ให้บริการ", unit: "หน่วย" } }),
      targets:
        kind === "yesno"
          ? {}
          : {
              default: { value: percentLike ? 80 : 2, provisional: true },
              city: { value: percentLike ? 90 : 4, provisional: true },
            },
    });
  }
  return parseRound({
    schemaVersion: 1,
    id,
    year: 2563,
    fiscalYear: 2562,
    title: `รอบทดสอบ ${count} ตัวชี้วัด`,
    laoTypes: [...LAO_TYPES],
    window: { opens: "2020-05-15", closes: "2020-07-15" },
    areas,
  });
}

/**
 * A round like `round` held `years` later, every indicator continuing the one it copies (ids
 * re-prefixed with the new round id): for tests of year-over-year results. Not shipped data.
 */
export function followingRound(round: Round, id: string, years = 1): Round {
  const copy = JSON.parse(JSON.stringify(round)) as RoundInput;
  const areas = copy.areas.map((area) => ({
    ...area,
    missions: area.missions.map((mission) => ({
      ...mission,
      indicators: mission.indicators.map((ind) => ({
        ...ind,
        id: `${id}-${ind.id.slice(round.id.length + 1)}`,
        continues: ind.id,
        text: ind.text.replaceAll(`${round.fiscalYear}`, `${round.fiscalYear + years}`),
      })),
    })),
  }));
  const shift = (iso: string) => `${Number(iso.slice(0, 4)) + years}${iso.slice(4)}`;
  return parseRound({
    ...copy,
    id,
    year: round.year + years,
    fiscalYear: round.fiscalYear + years,
    title: `${round.title.replace(String(round.year), String(round.year + years))} (รอบทดสอบ)`,
    window: { opens: shift(copy.window.opens), closes: shift(copy.window.closes), provisional: true },
    areas,
  });
}
