import { compileRound, evaluateSubmission, summarize, summarizeCounts, emptyCounts } from "../core";
import { generatedRound } from "../core/rules/generatedRound";
import { loadRegister } from "../dataFiles";
import { completeDocument } from "../../test/server/documents";
import { breakdown, decodeStatus, encodeStatuses } from "./results";

describe("compact results and the dashboard breakdown", () => {
  const compiled = compileRound(generatedRound(214));
  const laos = loadRegister().all.filter((_, i) => i % 97 === 0);
  const reports = laos.map((lao, i) => evaluateSubmission(completeDocument(compiled, lao, i), compiled, lao));
  const rows = laos.map((lao, i) => ({
    type: lao.type,
    provinceCode: lao.provinceCode,
    provinceTh: lao.provinceTh,
    statuses: encodeStatuses(compiled, reports[i]!),
  }));

  it("keeps one letter per indicator of the round, in order, that decodes to the core's status", () => {
    for (const [i, report] of reports.entries()) {
      expect(rows[i]!.statuses).toHaveLength(compiled.indicators.length);
      const byId = new Map(report.results.map((r) => [r.id, r.status]));
      compiled.indicators.forEach((ind, n) =>
        expect(decodeStatus(rows[i]!.statuses[n]!)).toBe(byId.get(ind.def.id)),
      );
    }
  });

  it("counts the same as the core's summaries, per area, per type and overall", () => {
    const b = breakdown(compiled, rows);
    const all = reports.flatMap((r) => r.results);
    const core = summarize(all, compiled.round.areas);
    expect(b.laos).toBe(laos.length);
    expect(b.overall).toEqual(core.overall);
    expect(b.byArea).toEqual(core.areas);
    for (const t of b.byType) {
      const ofType = reports.filter((_, i) => laos[i]!.type === t.type).flatMap((r) => r.results);
      expect(t).toEqual({ type: t.type, ...summarize(ofType, []).overall });
    }
    const first = compiled.indicators[0]!.def.id;
    const counts = emptyCounts();
    for (const r of all) if (r.id === first) counts[r.status] += 1;
    expect(b.byIndicator[0]).toEqual({ id: first, areaId: "1", ...summarizeCounts(counts) });
  });
});
