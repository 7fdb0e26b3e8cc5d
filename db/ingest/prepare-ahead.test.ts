import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findFiles } from "@/lib/ingest/walk";
import { STORED_IN_A_ROW } from "./import-files";
import { importPaths } from "./import-paths";
import { PrepareAhead } from "./prepare-ahead";
import { createTestDb } from "@/test/test-db";
import { listTidyRows } from "../queries/tidy-rows";
import { FIXTURE_ROOT as FIXTURES } from "@/lib/parsers/__test__/fixtures";

let dir: string;
beforeAll(() => {
  // Every parser fixture (good, bad, and the commands.md beside them) under two runtime folders:
  // the second copy of each file has the same bytes in the same dataset, so it is skipped.
  dir = mkdtempSync(join(tmpdir(), "hvscope-ahead-"));
  for (const runtime of ["runc", "runsc"]) cpSync(FIXTURES, join(dir, runtime), { recursive: true });
  // Files passed over as no benchmark output, which the worker must report as the writer does.
  writeFileSync(join(dir, "runc", "empty.txt"), "");
  writeFileSync(join(dir, "runc", "plot.pdf"), "%PDF-1.5\n");
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Everything an import leaves behind that does not depend on timing. */
function stored(conn: ReturnType<typeof createTestDb>) {
  const files = conn.client
    .prepare(
      "SELECT path, sha256, size_bytes, parser_id, sample_count, hex(content_deflate) AS content FROM source_files ORDER BY id",
    )
    .all();
  const runs = conn.client
    .prepare(
      "SELECT runtime_label, runtime_version, runtime_variant, repetition, tool, tool_version, command, started_at FROM runs ORDER BY id",
    )
    .all();
  return { files, runs, rows: listTidyRows(conn.db) };
}

describe("preparing files on a worker thread ahead of the writer", () => {
  it("stores exactly what the writer alone stores: failures, skips and repetition numbers included", async () => {
    const alone = createTestDb();
    const ahead = createTestDb();
    try {
      const one = await importPaths(alone, [dir], { host: "h", prepareAhead: false });
      // Running before the import starts, the worker does take files (and stays for later imports).
      expect(await PrepareAhead.ready()).toBe(true);
      const two = await importPaths(ahead, [dir], { host: "h", prepareAhead: true });
      expect(two.preparedAhead).toBeGreaterThan(0);
      expect(one).toMatchObject({
        imported: expect.any(Number),
        skipped: expect.any(Number),
        ignored: expect.any(Number),
      });
      expect(Math.min(one.imported, one.skipped, one.ignored, one.failed.length)).toBeGreaterThan(0);
      expect(new Set(one.passedOver.map((p) => p.kind))).toEqual(new Set(["empty", "binary"]));
      const { importId: _a, ...oneRest } = one;
      const { importId: _b, preparedAhead: _c, ...twoRest } = two;
      expect(twoRest).toEqual(oneRest);
      const [a, b] = [stored(alone), stored(ahead)];
      expect(b.files).toEqual(a.files);
      expect(b.runs).toEqual(a.runs);
      expect(await b.rows).toEqual(await a.rows);

      const again = await importPaths(ahead, [dir], { host: "h", prepareAhead: true });
      expect(again).toMatchObject({ imported: 0, skipped: one.imported + one.skipped, failed: one.failed });
    } finally {
      alone.cleanup();
      ahead.cleanup();
    }
  });

  // A race by design: on a loaded 2-core machine the writer can skip every stored file before the
  // worker thread is scheduled once, so the worker's share may be zero; retried rather than slowed.
  it("stops preparing ahead when a re-import finds file after file stored already", { retry: 2 }, async () => {
    // Six datasets of every fixture (a manifest each), less the files that fail: all stored once.
    // Enough files that the writer, skipping stored ones fast, cannot finish before the worker wakes.
    const twice = mkdtempSync(join(tmpdir(), "hvscope-ahead-"));
    const conn = createTestDb();
    try {
      for (const dataset of ["a", "b", "c", "d", "e", "f"]) {
        cpSync(join(dir, "runc"), join(twice, dataset, "runc"), { recursive: true });
        writeFileSync(join(twice, dataset, "hvscope.yaml"), `dataset: ${dataset}\n`);
      }
      const first = await importPaths(conn, [twice], { prepareAhead: false });
      for (const f of first.failed) rmSync(join(twice, f.file));
      expect(first.imported).toBeGreaterThan(6 * STORED_IN_A_ROW);
      expect(await PrepareAhead.ready()).toBe(true);
      const again = await importPaths(conn, [twice], { prepareAhead: true });
      expect(again).toMatchObject({ imported: 0, skipped: first.imported + first.skipped, failed: [] });
      // The writer took the worker's files until STORED_IN_A_ROW + 1 in a row were stored (the
      // ignored commands.md files do not break a run), then prepared the rest itself.
      expect(again.preparedAhead).toBeGreaterThan(0);
      expect(again.preparedAhead).toBeLessThanOrEqual(STORED_IN_A_ROW + 1 + again.ignored);
    } finally {
      conn.cleanup();
      rmSync(twice, { recursive: true, force: true });
    }
  });

  it("hands every file back to the writer when the worker dies holding claims", async () => {
    const files = findFiles([join(dir, "runc", "ping")]);
    // A worker that claims every file, then exits without preparing any.
    const dying = new Worker(
      `require("node:worker_threads").parentPort.once("message", (job) => { new Int32Array(job.claims).fill(1); process.exit(3); });`,
      { eval: true },
    );
    const ahead = PrepareAhead.start(files, { cli: {} }, () => ({ status: "ignored" }), dying)!;
    const taken = [];
    for (const i of files.keys()) taken.push(await ahead.take(i));
    ahead.stop();
    expect(taken).toEqual(files.map(() => null));
    expect(ahead.preparedByWorker).toBe(0);
  });
});
