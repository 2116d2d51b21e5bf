import type { CheckReport, CompiledRound, Lao } from "../../core";

/** What the officer may change on the memo's form; empty fields take the memo's defaults. */
export interface MemoFields {
  /** ส่วนราชการ */
  readonly department: string;
  /** ที่: the memo's reference number; empty leaves a line to fill in by hand. */
  readonly reference: string;
  /** เรียน */
  readonly to: string;
  /** Empty leaves the signer's name to be written by hand. */
  readonly signerName: string;
  readonly signerPosition: string;
}

/** The live workbook's results the memo reports. */
export interface MemoSource {
  readonly compiled: CompiledRound;
  readonly lao: Lao;
  readonly report: CheckReport;
}

export interface MemoFile {
  readonly name: string;
  readonly type: string;
  readonly bytes: Uint8Array;
}

/** "บันทึกข้อความ-ผลประเมิน-2568-5810401.docx" */
export function memoFileName(roundId: string, laoCode: string): string {
  return `บันทึกข้อความ-ผลประเมิน-${roundId}-${laoCode}.docx`;
}

/**
 * The memo of the workbook's results as .docx, dated `date`. The memo's texts and the Word writer
 * (with the docx library) are loaded only now: they are large and most sessions never need them.
 */
export async function buildMemoFile(source: MemoSource, fields: MemoFields, date: Date): Promise<MemoFile> {
  const [{ buildMemo }, { memoDocx, DOCX_TYPE }] = await Promise.all([
    import(/* webpackChunkName: "memo" */ "../../core/reports/memo"),
    import(/* webpackChunkName: "memo-docx" */ "../../docx/memoDocx"),
  ]);
  const memo = buildMemo(source.compiled, source.lao, source.report, {
    date,
    department: fields.department,
    reference: fields.reference,
    to: fields.to,
    signer: { name: fields.signerName, position: fields.signerPosition },
  });
  return {
    name: memoFileName(source.compiled.round.id, source.lao.code),
    type: DOCX_TYPE,
    bytes: await memoDocx(memo),
  };
}
