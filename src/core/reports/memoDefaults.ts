import { laoDisplayName, type LaoType } from "../rules/laoTypes";
import type { Lao } from "../rules/register";

/**
 * The words of an LAO's memo (core/reports/memo) that follow from its type: who writes it, to whom, and the
 * council it is reported to. Kept apart from the memo so that a form can show the defaults without
 * loading the memo's texts.
 */

export interface MemoTypeWords {
  /** The office writing the memo (ส่วนราชการ), before the LAO's name. */
  readonly office: string;
  /** เรียน: the permanent secretary and the mayor or chief executive. */
  readonly to: string;
  readonly council: string;
}

const WORDS: Readonly<Record<LaoType, MemoTypeWords>> = {
  pao: {
    office: "สำนักปลัดองค์การบริหารส่วนจังหวัด",
    to: "ปลัดองค์การบริหารส่วนจังหวัด/นายกองค์การบริหารส่วนจังหวัด",
    council: "สภาองค์การบริหารส่วนจังหวัด",
  },
  city: { office: "สำนักปลัดเทศบาล", to: "ปลัดเทศบาล/นายกเทศมนตรี", council: "สภาเทศบาล" },
  town: { office: "สำนักปลัดเทศบาล", to: "ปลัดเทศบาล/นายกเทศมนตรี", council: "สภาเทศบาล" },
  subdistrict: { office: "สำนักปลัดเทศบาล", to: "ปลัดเทศบาล/นายกเทศมนตรี", council: "สภาเทศบาล" },
  sao: {
    office: "สำนักปลัด",
    to: "ปลัดองค์การบริหารส่วนตำบล/นายกองค์การบริหารส่วนตำบล",
    council: "สภาองค์การบริหารส่วนตำบล",
  },
  pattaya: { office: "สำนักปลัดเมืองพัทยา", to: "ปลัดเมืองพัทยา/นายกเมืองพัทยา", council: "สภาเมืองพัทยา" },
};

export function memoTypeWords(type: LaoType): MemoTypeWords {
  return WORDS[type];
}

/** The signer's position when none is given: the memo is the head of the permanent secretary's office's. */
export const DEFAULT_SIGNER_POSITION = "หัวหน้าสำนักปลัด";

export interface MemoDefaults {
  readonly department: string;
  readonly to: string;
  readonly signerPosition: string;
}

/** What the memo says where its options leave a field out. */
export function memoDefaults(lao: Pick<Lao, "type" | "name">): MemoDefaults {
  const words = WORDS[lao.type];
  return {
    department: `${words.office} ${laoDisplayName(lao.type, lao.name)}`,
    to: words.to,
    signerPosition: DEFAULT_SIGNER_POSITION,
  };
}
