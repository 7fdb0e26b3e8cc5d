/**
 * Crash safety of ingestion: SIGKILLs `tsx scripts/ingest.ts` at random moments while it imports a
 * corpus of real fixtures, checks the database after every kill, and checks that finishing the
 * import gives the same export as an uninterrupted one (scripts/reliability/crash.ts).
 *   npm run test:crash -- [--files 3000] [--kills 30] [--seed N] [--db postgres://…]
 * With --db or DATABASE_URL naming a PostgreSQL server, the databases are throwaway ones created
 * there and dropped at the end (the role needs CREATEDB); otherwise temp SQLite files.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { writeCrashCorpus } from "./reliability/test-corpora";
import { crashTest, killIngests } from "./reliability/crash";
import {
  interrupted,
  onInterrupt,
  reliabilityServer,
  rethrowUnlessInterrupted,
  throwawayDatabases,
} from "./reliability/databases";

const { values } = parseArgs({
  options: {
    files: { type: "string", default: "3000" },
    kills: { type: "string", default: "30" },
    seed: { type: "string", default: String(Date.now() % 1e9) },
    db: { type: "string" },
  },
});
const [files, kills, seed] = [Number(values.files), Number(values.kills), Number(values.seed)];
for (const [name, n] of Object.entries({ files, kills, seed }))
  if (!Number.isInteger(n) || n < 0)
    throw new Error(`--${name} must be a whole number, got ${JSON.stringify(values[name as keyof typeof values])}`);

const server = reliabilityServer(values.db);
const dir = mkdtempSync(join(tmpdir(), "hvscope-crash-"));
const databases = throwawayDatabases(server, dir, "crash");
onInterrupt(async () => {
  killIngests();
  await databases.dropAll();
  rmSync(dir, { recursive: true, force: true });
});
try {
  const corpus = join(dir, "corpus");
  const written = writeCrashCorpus(corpus, files);
  console.log(
    `crash test: corpus of ${written} real fixture copies, ${kills} kills, seed ${seed}, in ${databases.where}`,
  );
  const r = await crashTest({
    corpus,
    databases,
    workDir: dir,
    kills,
    seed,
    log: (line) => console.log(`  ${line}`),
  });
  // Ctrl-C killed the running ingest: the report would count that as a failure.
  if (interrupted()) throw new Error("interrupted");
  console.log(
    `crash test: ${r.kills} kills (${r.killsInStartup} timed in start-up, ${r.killsWhileWriting} after files had been stored) in ${r.rounds} rounds, ` +
      `${r.checks} database checks; reference ${r.referenceFiles} files, ${r.referenceSamples} samples, ${r.exportRows} export rows in ${r.referenceMs} ms ` +
      `(start-up ${r.startupMs} ms)`,
  );
  if (r.problems.length > 0) {
    for (const p of r.problems) console.error(`FAIL: ${p}`);
    process.exitCode = 1;
  } else {
    console.log(
      `crash test: OK: ${r.engine === "sqlite" ? "integrity_check ok and " : ""}no half-imported file after every kill; every finished import exports exactly as an uninterrupted one`,
    );
    if (r.engine === "postgres")
      console.log(
        "crash test: PostgreSQL has no twin of SQLite's integrity_check (the server recovers its own files); the checks after each kill are the data's invariants",
      );
  }
} catch (e) {
  rethrowUnlessInterrupted(e);
} finally {
  await databases.dropAll();
  rmSync(dir, { recursive: true, force: true });
}
