import { Command } from "commander";
import { SingleBar, Presets } from "cli-progress";
import type { ImportSummary } from "@/db/ingest/import-types";
import { redactUrls } from "@/db/open-pg";
import { storeStudiesOfImport } from "@/db/queries/host-studies";
import { openStore, type Store } from "@/db/store";
import { describeError } from "@/db/errors";
import { resolveTarget } from "@/db/target";
import { readEnv } from "@/lib/env";
import { loadManifest } from "@/lib/ingest/manifest/load";
import { describeAnswer, remoteTarget, RemoteUploadError, uploadPaths } from "@/lib/upload/client";

const program = new Command("ingest")
  .description("Import raw benchmark outputs (files or folders, recursive) into the hvscope database.")
  .argument("<paths...>", "files or folders")
  .option(
    "--db <file|url>",
    "SQLite file or postgres:// URL (default: $DATABASE_URL, else $HVSCOPE_DB or data/hvscope.db)",
  )
  .option("--dataset <name>", "dataset of every file (default: manifest, else the folder's name)")
  .option("--host <name>", "host every file ran on (default: manifest, else 'unknown')")
  .option("--runtime <id>", "runtime of every file (default: manifest, else the path)")
  .option("--manifest <file>", "manifest to use instead of the nearest hvscope.yaml/.json")
  .option("--dry-run", "parse and validate everything, store nothing")
  .option("--strict", "fail empty files instead of skipping them with a warning")
  .option("--verbose", "long error messages (for an unrecognised file, what each parser expects)")
  .option(
    "--json",
    "print exactly one JSON object: {files, imported, skipped, failed, samples, passedOver, ignored, manifests, unknownRuntimes}",
  )
  .option("--remote <url>", "send the files to a running instance's POST /api/imports instead (no local database)")
  .option("--token <token>", "with --remote: the upload token (default: $HVSCOPE_TOKEN)")
  .parse();

const opts = program.opts<{
  db?: string;
  dataset?: string;
  host?: string;
  runtime?: string;
  manifest?: string;
  dryRun?: boolean;
  strict?: boolean;
  verbose?: boolean;
  json?: boolean;
  remote?: string;
  token?: string;
}>();
const paths = program.args;

type Reported = Pick<ImportSummary, "files" | "imported" | "skipped" | "failed" | "samples"> &
  Partial<Pick<ImportSummary, "ignored" | "manifests" | "passedOver" | "unknownRuntimes">>;

function report(summary: Reported) {
  const passedOver = summary.passedOver ?? [];
  if (opts.json) {
    // A run that stopped before reading any folder read no context either.
    const { files, imported, skipped, failed, samples, ignored = 0, manifests = 0, unknownRuntimes = [] } = summary;
    const listed = passedOver.map(({ file, reason }) => ({ file, reason }));
    console.log(
      JSON.stringify({
        files,
        imported,
        skipped,
        failed,
        samples,
        passedOver: listed,
        ignored,
        manifests,
        unknownRuntimes,
      }),
    );
    return;
  }
  for (const f of summary.failed) console.error(`error: ${f.file}: ${f.error}`);
  for (const p of passedOver.filter((p) => p.kind === "empty"))
    console.error(`warning: ${p.file}: ${p.reason}, skipped (--strict fails it)`);
  if (summary.unknownRuntimes?.length)
    console.error(
      `warning: runtime names that hvscope does not know, stored as written: ${summary.unknownRuntimes.sort().join(", ")} ` +
        '(if one names a known runtime, map it with an alias in the manifest; README, "Labels")',
    );
  const ignored = summary.ignored ? `, ${summary.ignored} ignored by the manifest or documentation` : "";
  const manifests = summary.manifests ? `, ${summary.manifests} manifest${summary.manifests > 1 ? "s" : ""} read` : "";
  const notOutputs = passedOver.length
    ? `, ${passedOver.length} not benchmark outputs (${kindCounts(passedOver)})`
    : "";
  const dry = opts.dryRun ? " (dry run: nothing stored)" : "";
  console.log(
    `${summary.files} files: ${summary.imported} imported, ${summary.skipped} skipped (already stored), ${summary.failed.length} failed; ${summary.samples} samples${notOutputs}${ignored}${manifests}${dry}`,
  );
}

/** "3 binary, 30 empty": how many files of each kind were passed over. */
function kindCounts(passedOver: ImportSummary["passedOver"]): string {
  const counts = new Map<string, number>();
  for (const { kind } of passedOver) counts.set(kind, (counts.get(kind) ?? 0) + 1);
  return [...counts].map(([kind, n]) => `${n} ${kind}`).join(", ");
}

/** `--remote URL`: the same files as one .tar.gz to the server's import (lib/upload/client.ts). */
async function importRemote(url: string): Promise<number> {
  const local = (["db", "manifest", "dryRun", "strict"] as const).filter((o) => opts[o] !== undefined);
  if (local.length > 0) {
    console.error(
      `error: --remote imports on the server, where ${local.map((o) => `--${o.replace(/[A-Z]/, (c) => `-${c.toLowerCase()}`)}`).join(", ")} cannot apply (put an hvscope.yaml in the folder instead of --manifest)`,
    );
    return 1;
  }
  const { dataset, host, runtime } = opts;
  try {
    const answer = await uploadPaths(remoteTarget(url, opts.token ?? readEnv().HVSCOPE_TOKEN), paths, {
      dataset,
      host,
      runtime,
    });
    if (opts.json) console.log(JSON.stringify(answer));
    else for (const line of describeAnswer(answer)) console.log(line);
    return answer.failed.length === 0 ? 0 : 1;
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const answer = e instanceof RemoteUploadError ? e.answer : undefined;
    if (opts.json) console.log(JSON.stringify({ error: message, ...answer }));
    else for (const line of answer ? describeAnswer(answer) : []) console.error(line);
    console.error(`error: ${message}`);
    return 1;
  }
}

/**
 * The synthesis's studies of the hosts the import wrote, stored after it committed so the server
 * pools them instead of reading those hosts (docs/decisions/019-bounded-synthesis-inputs.md). A
 * failure leaves the import as it is: the server computes them then.
 */
async function storeStudies(store: Store, importId: number) {
  const started = performance.now();
  try {
    const { hosts, storedRows } = await storeStudiesOfImport(store.db, importId);
    if (!opts.json && hosts > 0)
      console.log(
        `synthesis studies of ${hosts} host${hosts > 1 ? "s" : ""} stored: ${storedRows} rows in ${(performance.now() - started).toFixed(0)} ms`,
      );
  } catch (e) {
    console.error(`warning: the synthesis studies were not stored (the server computes them): ${describeError(e)}`);
  }
}

async function main(): Promise<number> {
  if (opts.remote !== undefined) return importRemote(opts.remote);
  if (opts.manifest) {
    try {
      loadManifest(opts.manifest);
    } catch (e) {
      report({
        files: 0,
        imported: 0,
        skipped: 0,
        samples: 0,
        failed: [{ file: opts.manifest, error: describeError(e) }],
      });
      return 1;
    }
  }
  let store: Store;
  let label = "the database";
  try {
    const target = resolveTarget(opts.db);
    label = target.label;
    store = await openStore(target);
  } catch (e) {
    const error = `cannot open the database: ${describeError(e)}`;
    report({ files: 0, imported: 0, skipped: 0, samples: 0, failed: [{ file: label, error }] });
    return 1;
  }
  const bar =
    process.stdout.isTTY && !opts.json
      ? new SingleBar({ format: "ingest [{bar}] {value}/{total} files" }, Presets.shades_classic)
      : undefined;
  try {
    const summary = await store.importPaths(paths, {
      ...opts,
      // Stored in the imports table: a --db URL's password must not be.
      argv: process.argv.slice(2).map(redactUrls),
      onFile: (done, total) => (done === 0 ? bar?.start(total, 0) : bar?.update(done)),
    });
    bar?.stop();
    report(summary);
    if (!opts.dryRun && summary.importId !== undefined) await storeStudies(store, summary.importId);
    return summary.failed.length === 0 ? 0 : 1;
  } catch (e) {
    bar?.stop();
    report({
      files: 0,
      imported: 0,
      skipped: 0,
      samples: 0,
      failed: [{ file: paths.join(" "), error: describeError(e) }],
    });
    return 1;
  } finally {
    await store.close();
  }
}

process.exitCode = await main();
