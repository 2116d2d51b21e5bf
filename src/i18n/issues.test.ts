import * as z from "zod";
import { laoCodeSchema } from "../core/rules/identifiers";
import { problemIssue, problems } from "../core/rules/problems";
import { parseRound } from "../core/rules/round";
import { RoundError } from "../core/rules/roundTerms";
import { shippedRound } from "../core/rules/shippedRounds";
import { inBothLanguages, problemIssueMessage, roundErrorText, roundIssueText } from "./issues";

describe("a refusal on one line, Thai then English", () => {
  it("says a problem in both languages", () => {
    expect(inBothLanguages(problems.windowOrder())).toBe(
      "วันปิดรับต้องไม่ก่อนวันเปิดรับ / the window closes before it opens",
    );
  });

  it("finds the problem a zod issue carries, and nothing in an issue of zod's own", () => {
    const refused = laoCodeSchema.safeParse("12").error!.issues[0]!;
    expect(refused.message).toBe("รหัส อปท. ต้องเป็นตัวเลข 7 หลัก");
    expect(problemIssueMessage(refused)).toBe("รหัส อปท. ต้องเป็นตัวเลข 7 หลัก / the LAO code has 7 digits");
    expect(problemIssueMessage(z.string().safeParse(1).error!.issues[0]!)).toBeUndefined();
    const custom = z.number().refine((n) => n > 0, problemIssue(problems.tooManyIndicators(3)));
    expect(problemIssueMessage(custom.safeParse(0).error!.issues[0]!)).toBe(
      "มีตัวชี้วัดเกิน 3 รายการ / more than 3 indicators",
    );
  });

  it("names a refused round's issues, its own in both languages and zod's in Thai, under one header", () => {
    const round = shippedRound("2567")!;
    const error = (() => {
      try {
        parseRound({ ...round, title: "", window: { opens: "2026-02-01", closes: "2026-01-01" } });
      } catch (e) {
        return e as RoundError;
      }
      throw new Error("expected a RoundError");
    })();
    expect(error).toBeInstanceOf(RoundError);
    // Core's own message is Thai only.
    expect(error.message).not.toContain("closes before");
    expect(error.message.split("\n")[0]).toBe("รอบการประเมินไม่ถูกต้อง:");
    const lines = error.issues.map(roundIssueText);
    expect(lines).toContain("window: วันปิดรับต้องไม่ก่อนวันเปิดรับ / the window closes before it opens");
    // zod's own issue (an empty title) in zod's Thai, as it was.
    expect(lines).toContain("title: น้อยกว่ากำหนด: string ควรมีอย่างน้อย 1 ตัวอักษร");
    expect(roundErrorText(error)).toBe(
      `รอบการประเมินไม่ถูกต้อง / invalid round:\n${lines.map((l) => `- ${l}`).join("\n")}`,
    );
  });
});
