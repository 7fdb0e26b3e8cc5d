import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { createTestDb } from "@/test/test-db";

/** db/migrations/0003: workload labels stored with a file name's padded numbers are renamed once. */
describe("migration 0003, unpadded workload numbers", () => {
  let db: ReturnType<typeof createTestDb> | undefined;
  afterEach(() => db?.cleanup());

  it("renames P=01 to P=1 where the new name is free, and leaves other names alone", () => {
    db = createTestDb();
    const insert = db.client.prepare(
      "INSERT INTO workloads (tool, name, category, params_json) VALUES ('iperf3', ?, 'network', '{}')",
    );
    // Names as imports before the fix stored them from firecracker-nsdi2020's net-*-01.json files.
    for (const name of ["iperf3 host to guest P=01", "iperf3 host to guest P=10", "iperf3 a P=02", "iperf3 a P=2"])
      insert.run(name);
    db.client.exec(readFileSync("db/migrations/0003_unpadded-workload-numbers.sql", "utf8"));
    const names = (db.client.prepare("SELECT name FROM workloads ORDER BY id").all() as { name: string }[]).map(
      (r) => r.name,
    );
    // "iperf3 a P=02" stays: "iperf3 a P=2" exists, and two workloads must not merge under one name.
    expect(names).toEqual(["iperf3 host to guest P=1", "iperf3 host to guest P=10", "iperf3 a P=02", "iperf3 a P=2"]);
  });
});
