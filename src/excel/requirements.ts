/**
 * The Office requirement sets MinStd uses, each with what needs it: the one list that the pane
 * checks at startup (Office.context.requirements.isSetSupported), that test/manifest.test.ts holds
 * manifest.xml's <Requirements> to, and that every check of a set in the code takes its version
 * from. Custom functions and the shared runtime exist in Microsoft 365, Office 2021/2024 and Excel
 * on the web; not in perpetual Office 2016/2019, nor in Excel on iPad. No imports: the pane's
 * startup bundle carries this module.
 */

export type RequirementId = "sharedRuntime" | "customFunctions" | "workbookApi" | "commentsApi" | "notesApi";

export interface RequirementSet {
  readonly id: RequirementId;
  /** The set's name as Office knows it. */
  readonly name: string;
  /** The lowest version MinStd needs. */
  readonly version: string;
  /**
   * required: the pane cannot work without it, so it says which Excel is needed instead of
   * half-working; optional: the feature that uses it falls back quietly.
   */
  readonly need: "required" | "optional";
  /** Declared in manifest.xml's <Requirements> (Office then offers the add-in only where it is there). */
  readonly inManifest: boolean;
  /** What needs it (for developers; the pane words it for officers in its texts). */
  readonly why: string;
}

export const REQUIREMENT_SETS = {
  sharedRuntime: {
    id: "sharedRuntime",
    name: "SharedRuntime",
    version: "1.1",
    need: "required",
    inManifest: true,
    why: "the pane and the MINSTD.* functions share one page (rounds registered by the pane reach the functions), and Excel starts it with the workbook (Office.addin.setStartupBehavior)",
  },
  customFunctions: {
    id: "customFunctions",
    name: "CustomFunctionsRuntime",
    version: "1.2",
    need: "required",
    inManifest: false,
    why: "the MINSTD.* functions of every result cell; 1.2 for CustomFunctions.Error (#VALUE! and #N/A with a Thai message)",
  },
  workbookApi: {
    id: "workbookApi",
    name: "ExcelApi",
    version: "1.9",
    need: "required",
    inManifest: false,
    why: "building the collection workbook (data validation 1.8, page layout 1.9) and following what is typed (worksheets.onChanged 1.9)",
  },
  commentsApi: {
    id: "commentsApi",
    name: "ExcelApi",
    version: "1.10",
    need: "optional",
    inManifest: false,
    why: "the province's return comments as comments on their cells where notes are missing (they are in the pane all the same)",
  },
  notesApi: {
    id: "notesApi",
    name: "ExcelApi",
    version: "1.18",
    need: "optional",
    inManifest: false,
    why: "the province's return comments as notes on their cells (comments otherwise)",
  },
} as const satisfies { readonly [K in RequirementId]: RequirementSet & { readonly id: K } };

/** Every set, in the order of REQUIREMENT_SETS. */
export const ALL_REQUIREMENT_SETS: readonly RequirementSet[] = Object.values(REQUIREMENT_SETS);

/** Office.context.requirements.isSetSupported. */
export type IsSetSupported = (name: string, version?: string) => boolean;

/** The sets of that need which `isSetSupported` says the running Office lacks, in list order. */
export function missingSets(
  isSetSupported: IsSetSupported,
  need: RequirementSet["need"] = "required",
): RequirementSet[] {
  return ALL_REQUIREMENT_SETS.filter((set) => set.need === need && !isSetSupported(set.name, set.version));
}

/** Whether the running Office (the Office global of office.js) has the set; false outside Office. */
export function hostSupports(set: RequirementSet): boolean {
  const office = (
    globalThis as { Office?: { context?: { requirements?: { isSetSupported?: IsSetSupported } } } }
  ).Office;
  return office?.context?.requirements?.isSetSupported?.(set.name, set.version) === true;
}
