import { firstScreen } from "./firstScreen";
import type { Me, RoundListItem } from "./types";

const me = (role: Me["role"], provinceCode: string | null = null) => ({ role, provinceCode }) as Me;
const round = (id: string, year: number, state: "open" | "closed") =>
  ({ id, year, window: { state } }) as unknown as RoundListItem;
const answers = (who: Me, rounds: RoundListItem[]) => ({ "/me": who, "/rounds": rounds });

describe("where the server draws a signed-in user's first screen", () => {
  const rounds = [round("2568", 2568, "closed"), round("2569", 2569, "open"), round("2570", 2570, "closed")];

  it("national staff: the national view of the round open now; province staff: their province", () => {
    expect(firstScreen.place(answers(me("national"), rounds))).toBe("#/national?round=2569");
    expect(firstScreen.place(answers(me("province", "22"), rounds))).toBe("#/province/22?round=2569");
    expect(firstScreen.reads("#/province/22?round=2569")).toEqual([
      "/me",
      "/rounds",
      "/rounds/2569/progress?province=22",
      "/rounds/2569/results?province=22",
    ]);
  });

  it("nothing for an LAO officer, the administrator, or when there is no round", () => {
    expect(firstScreen.place(answers(me("lao"), rounds))).toBeNull();
    expect(firstScreen.place(answers(me("admin"), rounds))).toBeNull();
    expect(firstScreen.place(answers(me("national"), []))).toBeNull();
  });

  it("starts from the reads every signed-in page starts with", () => {
    expect(firstScreen.reads("")).toEqual(["/me", "/rounds"]);
  });
});
