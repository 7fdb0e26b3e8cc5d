/**
 * A large synthetic database for performance work only (issue 6): jittered copies of the
 * real parser fixtures across many `synthetic-…` datasets, hosts, runtimes (runc in every
 * dataset, the default baseline) and repetitions, imported through the real pipeline until
 * the database holds the requested number of samples. Existing synthetic samples count, so
 * a second run only tops up. Never writes into data/hvscope.db. SQLite only (USAGE).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { importPaths } from "@/db/ingest/import-paths";
import { fillLatestStudies } from "@/db/queries/host-studies";
import { openDb } from "@/db/open";
import { prepareFixtures, runtimesFor, SYNTHETIC_PREFIX, writeHostCorpus } from "@/scripts/perf/synthetic-corpus";
import { assertOnlySynthetic, assertSyntheticTarget } from "@/scripts/perf/db-guard";
import { isPostgresUrl, redactUrl } from "@/db/open-pg";

const ROOT = resolve(import.meta.dirname, "..");

function positiveInt(name: string, raw: string): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive integer, got "${raw}"`);
  return n;
}

const USAGE = `npm run perf:gen -- --samples 1000000 [--db data/perf.db] [--hosts 2] [--runtimes 7] [--repetitions 3] [--seed 1]
Writes a SQLite file only. For PostgreSQL, generate the file, then copy it into an empty database:
  npm run db:copy -- --from data/perf.db --to postgres://…/hvscope_perf`;
if (process.argv.includes("--help")) {
  console.log(`usage: ${USAGE}`);
  process.exit(0);
}

const { values } = parseArgs({
  options: {
    samples: { type: "string", default: "1000000" },
    db: { type: "string", default: "data/perf.db" },
    hosts: { type: "string", default: "2" },
    runtimes: { type: "string", default: "7" },
    repetitions: { type: "string", default: "3" },
    seed: { type: "string", default: "1" },
  },
});

async function main() {
  const target = positiveInt("samples", values.samples);
  const hosts = positiveInt("hosts", values.hosts);
  const runtimeCount = positiveInt("runtimes", values.runtimes);
  const repetitions = positiveInt("repetitions", values.repetitions);
  const seed = positiveInt("seed", values.seed);
  runtimesFor(0, runtimeCount); // validates the count before anything is written
  if (isPostgresUrl(values.db))
    throw new Error(`--db ${redactUrl(values.db)}: perf:gen writes SQLite files only\nusage: ${USAGE}`);
  assertSyntheticTarget(values.db, ROOT);
  assertOnlySynthetic(values.db);

  const conn = openDb(values.db);
  const started = performance.now();
  const tmp = mkdtempSync(join(tmpdir(), "hvscope-perf-gen-"));
  let files = 0;
  let added = 0;
  let existing = 0;
  const failures: string[] = [];
  try {
    const count = (sql: string) => conn.client.prepare(sql).pluck().get() as number;
    existing = count("SELECT count(*) FROM samples");
    // Continue numbering after the datasets already there: their copies' bytes are taken.
    let d = count("SELECT count(*) FROM datasets") + 1;
    const { usable, excluded } = prepareFixtures(runtimeCount);
    console.log(
      `${values.db}: ${existing.toLocaleString("en")} samples already, target ${target.toLocaleString("en")}`,
    );
    console.log(
      `fixtures: ${usable.length} usable${excluded.length ? `, ${excluded.length} left out (no number can change without changing what they parse to): ${excluded.join(", ")}` : ""}`,
    );
    while (existing + added < target) {
      const dataset = `${SYNTHETIC_PREFIX}${String(d).padStart(4, "0")}`;
      const runtimes = runtimesFor(d, runtimeCount);
      const seen = new Set<string>();
      for (let h = 1; h <= hosts && existing + added < target; h++) {
        const batchStart = performance.now();
        const dir = join(tmp, dataset, `host-${h}`);
        const host = `${SYNTHETIC_PREFIX}host-${h}`;
        writeHostCorpus({
          dir,
          dataset,
          host,
          runtimes,
          repetitions,
          fixtures: usable,
          seed: seed * 1_000_003 + d * 101 + h,
          seen,
        });
        const summary = await importPaths(conn, [dir], { argv: ["perf:gen", dataset, host] });
        rmSync(dir, { recursive: true, force: true });
        files += summary.imported;
        added += summary.samples;
        failures.push(...summary.failed.map((f) => `${f.file}: ${f.error}`));
        const seconds = (performance.now() - batchStart) / 1000;
        console.log(
          `${dataset} ${host}: ${summary.imported} files, ${summary.samples.toLocaleString("en")} samples in ${seconds.toFixed(1)} s` +
            `${summary.skipped ? `, ${summary.skipped} skipped` : ""}${summary.failed.length ? `, ${summary.failed.length} FAILED` : ""}` +
            ` (total ${(existing + added).toLocaleString("en")})`,
        );
      }
      d++;
    }
    const filling = performance.now();
    const work = await fillLatestStudies(conn.db, null);
    console.log(
      `synthesis studies of ${work.hosts} hosts stored (${work.storedRows} rows) in ${((performance.now() - filling) / 1000).toFixed(1)} s`,
    );
  } finally {
    conn.close();
    rmSync(tmp, { recursive: true, force: true });
  }
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `generated ${files.toLocaleString("en")} files, ${added.toLocaleString("en")} samples in ${seconds.toFixed(1)} s ` +
      `(${(files / seconds).toFixed(0)} files/s, ${(added / seconds).toFixed(0)} samples/s); the database holds ${(existing + added).toLocaleString("en")}`,
  );
  if (failures.length > 0) {
    console.error(`${failures.length} files failed to import, first: ${failures.slice(0, 3).join("; ")}`);
    process.exitCode = 1;
  }
}

main().catch((e: unknown) => {
  console.error(`perf:gen: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
});
