import { XLSX_MEDIA_TYPE } from "../../core/workbook/workbookCheck";
import { problemEn } from "../../i18n/problems";
import { workbookCheckSchema } from "../../api";
import {
  checkCollectionRead,
  WORKBOOK_UNPACKED_MAX_BYTES,
  WORKBOOK_UPLOAD_MAX_BYTES,
  type WorkbookCheck,
} from "../../core";
import { readCollectionWorkbookFile } from "../../xlsx/collectionWorkbookReader";
import { problems } from "../problems";
import { getLao } from "../queries/laos";
import { route } from "../route";

/**
 * For an LAO without the add-in: its filled collection workbook, uploaded from the web app, read
 * with the same .xlsx reader and checks as `minstd check`, against the round as this server has
 * it. Nothing is stored: the page shows the problems, and sends the document it gets back with
 * POST /submissions, like the pane and the CLI.
 */

export const workbookRoutes = [
  route({
    method: "POST",
    path: "/me/workbooks/check",
    summary:
      "ตรวจแบบรวบรวมข้อมูล (.xlsx) ที่ อปท. อัปโหลด ได้เอกสารส่งข้อมูลและรายการที่ต้องแก้พร้อมแผ่นงานและเซลล์ ไม่บันทึก / check an uploaded collection workbook: the submission document and each problem with its sheet and cell; nothing is stored",
    roles: ["lao"],
    response: workbookCheckSchema,
    consumes: [XLSX_MEDIA_TYPE],
    async handler({ q, me, body, services }): Promise<WorkbookCheck> {
      if (!Buffer.isBuffer(body)) throw problems.workbookNotSent();
      if (body.length > WORKBOOK_UPLOAD_MAX_BYTES)
        throw problems.workbookTooLarge(WORKBOOK_UPLOAD_MAX_BYTES, "file");
      const file = await readCollectionWorkbookFile(body, {
        round: async (id) => (await services.rounds.get(q, id))?.compiled.round,
        lao: (code) => getLao(q, code),
      });
      if (!file.ok) {
        if (file.reason === "too-large")
          throw problems.workbookTooLarge(WORKBOOK_UNPACKED_MAX_BYTES, "unpacked");
        throw problems.workbookUnreadable(file.reason, file.message, file.messageEn);
      }
      if (file.layout.lao.code !== me.laoCode) throw problems.workbookOfAnotherLao(file.layout.lao.code);
      return checkCollectionRead(file.layout, file.read, file.problems, problemEn);
    },
  }),
];
