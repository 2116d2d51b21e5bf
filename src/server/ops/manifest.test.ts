import { MIGRATIONS } from "../db/migrations";
import { BACKUP_FORMAT, countDifferences, manifestProblem } from "./manifest";

describe("a backup's manifest", () => {
  const known = MIGRATIONS.map((m) => m.name);

  it("is restorable when every migration in it is known to this MinStd", () => {
    expect(manifestProblem({ format: BACKUP_FORMAT, migrations: known })).toBeUndefined();
    expect(manifestProblem({ format: BACKUP_FORMAT, migrations: known.slice(0, 1) })).toBeUndefined();
  });

  it("is refused, in Thai first, when it comes from a newer MinStd or is not a MinStd backup", () => {
    const newer = manifestProblem({
      format: BACKUP_FORMAT,
      minstdVersion: "9.0.0",
      migrations: [...known, "999-future"],
    });
    expect(newer).toMatch(/^ไฟล์สำรองมาจาก MinStd รุ่นใหม่กว่า/);
    expect(newer).toContain("999-future");
    expect(manifestProblem({ format: "something-else" as typeof BACKUP_FORMAT })).toMatch(/ไม่ใช่ไฟล์สำรอง/);
  });

  it("names every count that differs after a restore", () => {
    const counts = { submissions: 2, versions: 3, receipts: 3, returns: 1, audits: 9, users: 4 };
    expect(countDifferences(counts, counts)).toEqual([]);
    expect(countDifferences(counts, { ...counts, versions: 2, audits: 8 })).toEqual([
      "versions: 3 in the backup, 2 restored",
      "audits: 9 in the backup, 8 restored",
    ]);
  });
});
