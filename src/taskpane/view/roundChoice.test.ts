import { shippedRounds } from "../../core";
import { defaultRound, roundsForType } from "./roundChoice";

describe("roundsForType", () => {
  const rounds = shippedRounds();

  it("offers a municipality every round that covers municipalities, newest first", () => {
    expect(roundsForType(rounds, "subdistrict").map((r) => r.id)).toEqual([
      "2568",
      "2567",
      "2566",
      "2565",
      "2564",
      "2563",
    ]);
  });

  it("leaves out the municipal 2568 round for an อบต.", () => {
    expect(roundsForType(rounds, "sao").map((r) => r.id)).toEqual(["2567", "2566", "2565", "2564", "2563"]);
  });

  it("preselects the round open now, else the newest", () => {
    const choices = roundsForType(rounds, "town");
    expect(defaultRound(choices, new Date("2021-06-15T00:00:00+07:00"))?.id).toBe("2564");
    expect(defaultRound(choices, new Date("2023-07-21T23:00:00+07:00"))?.id).toBe("2566");
    expect(defaultRound(choices, new Date("2030-01-01T00:00:00+07:00"))?.id).toBe("2568");
    expect(defaultRound([], new Date())).toBeUndefined();
  });
});
