import { loadRegister, resolveRound } from "../dataFiles";
import { readCollectionWorkbookFile, type Resolvers } from "../xlsx/collectionWorkbookReader";
import { registerSubmissionReader, UnreadableFile } from "./checkCommand";

/** Round and LAO look-ups for a workbook's metadata: shipped rounds, MINSTD_ROUNDS_DIR, the register. */
export const dataResolvers: Resolvers = {
  round: async (id) => resolveRound(id).catch(() => undefined),
  lao: (code) => loadRegister().get(code),
};

/** `minstd check FILE.xlsx`: a collection workbook reads into the same document as a JSON file. */
registerSubmissionReader(".xlsx", async (data, _file, options) => {
  const round = options?.round;
  const resolvers: Resolvers = round
    ? { ...dataResolvers, round: async (id) => (await dataResolvers.round(id)) ?? (await round(id)) }
    : dataResolvers;
  const file = await readCollectionWorkbookFile(data, resolvers);
  if (!file.ok) throw new UnreadableFile(`${file.message} / ${file.messageEn}`);
  return { document: file.read.document, locate: file.read.locate, problems: file.problems };
});
