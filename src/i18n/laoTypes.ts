import { LAO_TYPE_INFO, type LaoType } from "../core/rules/laoTypes";
import type { BilingualText } from "../core/rules/vocabulary";

/** The English name of each LAO type: a type without one fails the build. */
export const LAO_TYPE_EN: Readonly<Record<LaoType, string>> = {
  pao: "Provincial Administrative Organization",
  city: "City Municipality",
  town: "Town Municipality",
  subdistrict: "Subdistrict Municipality",
  sao: "Subdistrict Administrative Organization",
  pattaya: "Pattaya City",
};

/** A type's name as the register writes it ("อบต.") and in English. */
export function laoTypeText(type: LaoType): BilingualText {
  return { th: LAO_TYPE_INFO[type].th, en: LAO_TYPE_EN[type] };
}
