import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { BIN as bin, useCommandStore } from "./cliProcess";
import { BACKENDS } from "./harness";

/** `minstd admin user retire|reactivate|code` and the server secret, as an operator runs them. */

function run(args: string[], env: Record<string, string>) {
  return spawnSync(process.execPath, [bin, ...args], {
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: "", MINSTD_SECRET: "", ...env },
  });
}

describe.each(BACKENDS)("minstd admin accounts on %s", (backend) => {
  const store = useCommandStore(backend, "minstd-accounts-");
  const { data, dir } = store;

  it("refuses a code for a retired account in Thai until it is reactivated", () => {
    const added = run(["admin", "user", "add", "--role", "national", "--name", "ผู้ตรวจ", ...data], store.env);
    expect(added.status).toBe(0);
    const id = /user (\d+)/.exec(added.stdout)![1]!;
    expect(run(["admin", "user", "retire", id, ...data], store.env).status).toBe(0);

    const refused = run(["admin", "user", "code", id, ...data], store.env);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain("ถูกปิดแล้ว");
    expect(refused.stderr).toContain("account");

    expect(run(["admin", "user", "reactivate", id, ...data], store.env).status).toBe(0);
    const again = run(["admin", "user", "reactivate", id, ...data], store.env);
    expect(again.status).toBe(2);
    const issued = run(["admin", "user", "code", id, ...data], store.env);
    expect(issued.status).toBe(0);
    expect(issued.stdout).toMatch(/[3-9A-Y]{4}-[3-9A-Y]{4}-[3-9A-Y]{4}/);
  });

  it("keeps to the secret the database was set up with", () => {
    const secretDir = ["--data", join(dir, "secret-db")];
    const other = backend === "postgres" ? { ...store.env } : {};
    // A fresh database for this test on PGlite; on PostgreSQL the suite's one already has a stored secret.
    const first = run(["admin", "codes", "--province", "22", ...secretDir], {
      ...other,
      MINSTD_SECRET: "one-secret-0123456789",
    });
    if (backend === "pglite") {
      expect(first.status).toBe(0);
      const wrong = run(["admin", "codes", "--province", "22", ...secretDir], {
        MINSTD_SECRET: "another-secret-0123456789",
      });
      expect(wrong.status).toBe(2);
      expect(wrong.stderr).toContain("MINSTD_SECRET");
      const none = run(["admin", "codes", "--province", "22", ...secretDir], {});
      expect(none.status).toBe(2);
      expect(none.stderr).toContain("MINSTD_SECRET");
    } else {
      // The stored secret came first: a secret given now would not match the codes already issued.
      expect(first.status).toBe(2);
      expect(first.stderr).toContain("MINSTD_SECRET");
    }
  });
});
