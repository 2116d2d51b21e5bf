import { laoListMatcher, laoProgress, type LaoListRow } from "./progress";

const window = { opens: "2025-07-01", closes: "2025-08-31" };

describe("laoProgress", () => {
  it("is late only once the window in force has closed with nothing submitted", () => {
    expect(laoProgress(null, window, new Date("2025-08-31T23:59:59+07:00"))).toBe("not-started");
    expect(laoProgress(null, window, new Date("2025-09-01T00:00:00+07:00"))).toBe("late");
    expect(
      laoProgress(null, { ...window, closes: "2025-09-10" }, new Date("2025-09-01T00:00:00+07:00")),
    ).toBe("not-started");
    expect(laoProgress("submitted", window, new Date("2025-09-05T00:00:00+07:00"))).toBe("submitted");
    expect(laoProgress("returned", window, new Date("2025-09-05T00:00:00+07:00"))).toBe("returned");
  });
});

describe("laoListMatcher", () => {
  const rows: LaoListRow[] = [
    {
      code: "4220102",
      type: "town",
      name: "จันทบุรี",
      districtCode: "2201",
      districtTh: "เมืองจันทบุรี",
      progress: "submitted",
    },
    {
      code: "5220105",
      type: "subdistrict",
      name: "พลับพลา",
      districtCode: "2201",
      districtTh: "เมืองจันทบุรี",
      progress: "late",
    },
    {
      code: "6220110",
      type: "sao",
      name: "คลองนารายณ์",
      districtCode: "2201",
      districtTh: "เมืองจันทบุรี",
      progress: "not-started",
    },
    {
      code: "5220301",
      type: "subdistrict",
      name: "ท่าใหม่",
      districtCode: "2203",
      districtTh: "ท่าใหม่",
      progress: "returned",
    },
  ];
  const codes = (f: Parameters<typeof laoListMatcher>[0]) =>
    rows.filter(laoListMatcher(f)).map((r) => r.code);

  it("keeps every row without filters", () => expect(codes({})).toHaveLength(4));
  it("filters by status, type and district together", () => {
    expect(codes({ progress: ["late", "not-started"] })).toEqual(["5220105", "6220110"]);
    expect(codes({ type: "subdistrict", district: "2201" })).toEqual(["5220105"]);
  });
  it("searches code, name and district with every word, ignoring a type word and Thai digits", () => {
    expect(codes({ search: "ทต.พลับพลา" })).toEqual(["5220105"]);
    expect(codes({ search: "๕๒๒๐๓" })).toEqual(["5220301"]);
    expect(codes({ search: "ท่าใหม่" })).toEqual(["5220301"]);
    expect(codes({ search: "เมือง คลอง" })).toEqual(["6220110"]);
  });
});
