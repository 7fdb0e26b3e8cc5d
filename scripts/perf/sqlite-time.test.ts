import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { timeSqlite } from "./sqlite-time";

describe("timeSqlite", () => {
  it("counts every statement call and exec, then leaves the driver as it was", async () => {
    const db = new Database(":memory:");
    db.exec("CREATE TABLE t (v INTEGER)");
    const insert = db.prepare("INSERT INTO t (v) VALUES (?)");
    const untouched = { run: Object.getPrototypeOf(insert).run, exec: db.exec };
    const timed = await timeSqlite(async () => {
      db.exec("BEGIN");
      [1, 2, 3].forEach((v) => insert.run(v));
      db.exec("COMMIT");
      return db.prepare("SELECT count(*) FROM t").pluck().get();
    });
    expect(timed.result).toBe(3);
    expect(timed.statements.map(({ sql, calls }) => [sql, calls]).sort()).toEqual([
      ["BEGIN", 1],
      ["COMMIT", 1],
      ["INSERT INTO t (v) VALUES (?)", 3],
      ["SELECT count(*) FROM t", 1],
    ]);
    expect(timed.sqliteMs).toBeGreaterThan(0);
    expect({ run: Object.getPrototypeOf(insert).run, exec: db.exec }).toEqual(untouched);
    db.close();
  });
});
