/**
 * f. Upload throughput: the same synthetic files (jittered fixture copies, as in section a) into a
 * real `next start` through POST /api/imports, as one .tar.gz (the client of `ingest --remote` and
 * `bench --upload`) and as one multipart request per file, against `npm run ingest` of the same
 * folder into a fresh database (a child process: what a user with a shell on the server runs).
 * On PostgreSQL every fresh database is a throwaway one on the measured server, dropped after.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { createUploadToken } from "@/db/queries/upload-tokens";
import { openStore } from "@/db/store";
import type { DbTarget } from "@/db/target";
import { postUpload, remoteTarget, uploadPaths } from "@/lib/upload/client";
import { isUploadAnswer } from "@/lib/upload/answer";
import { envFor } from "./bench-db";
import { median } from "./percentile";
import { formatTable, int } from "./report";
import { ScratchDatabases } from "./scratch-db";
import { startServer } from "./server-process";
import { prepareFixtures, runtimesFor, writeHostCorpus } from "./synthetic-corpus";

interface Options {
  /** The engine measured: on PostgreSQL, the server the throwaway databases are made on. */
  target: DbTarget;
  appDir: string;
  port: string;
  tmp: string;
  files: number;
  trials: number;
  progress: (text: string) => void;
}

interface Timing {
  seconds: number;
  samples: number;
}

export async function measureUploadThroughput(o: Options): Promise<string[]> {
  const scratch = o.target.kind === "postgres" ? new ScratchDatabases(o.target.url) : null;
  try {
    return await measure(o, async (label) =>
      scratch
        ? { kind: "postgres", url: await scratch.create(label), label }
        : { kind: "sqlite", path: join(o.tmp, `${label}.db`), label },
    );
  } finally {
    await scratch?.dropAll();
  }
}

/** `fresh` makes an empty database of the engine measured. */
async function measure(o: Options, fresh: (label: string) => Promise<DbTarget>): Promise<string[]> {
  const corpus = join(o.tmp, "upload-corpus");
  const { usable } = prepareFixtures(3);
  const files = writeHostCorpus({
    dir: corpus,
    dataset: "synthetic-upload",
    host: "synthetic-host-1",
    runtimes: runtimesFor(0, 3),
    repetitions: Math.ceil(o.files / (3 * usable.length)),
    fixtures: usable,
    seed: 42,
    seen: new Set(),
    maxFiles: o.files,
  });
  const db = await fresh("upload_server");
  const setup = await openStore(db);
  const token = await createUploadToken(setup.db, "bench-perf", null);
  await setup.close();
  const origin = `http://127.0.0.1:${o.port}`;
  const server = await startServer({
    name: "next start (uploads)",
    command: process.execPath,
    args: [join(o.appDir, "node_modules", "next", "dist", "bin", "next"), "start", "-p", o.port, "-H", "127.0.0.1"],
    cwd: o.appDir,
    // Every per-file request is an upload: the default 30 a minute would refuse most of them.
    env: { ...envFor(db), HVSCOPE_UPLOAD_PER_MINUTE: "1000000", NODE_ENV: "production" },
    readyUrl: `${origin}/api/imports`,
    timeoutMs: 60_000,
  });
  const target = remoteTarget(origin, token);
  const runs: Record<"archive" | "perFile" | "cli" | "inProcess", Timing[]> = {
    archive: [],
    perFile: [],
    cli: [],
    inProcess: [],
  };
  try {
    o.progress(`f: warming up the server with one archive of the ${files.length} files`);
    await archive(target, corpus, "synthetic-upload-warm-up", files.length);
    for (let t = 1; t <= o.trials; t++) {
      o.progress(`f: trial ${t} of ${o.trials}: one archive, ${files.length} requests, the CLI`);
      runs.archive.push(await archive(target, corpus, `synthetic-upload-archive-${t}`, files.length));
      runs.perFile.push(await perFile(target, corpus, files, `synthetic-upload-per-file-${t}`));
      runs.cli.push(cli(o.appDir, await fresh(`upload_cli_${t}`), corpus, files.length));
      runs.inProcess.push(await inProcess(await fresh(`upload_in_process_${t}`), corpus, files.length));
    }
  } finally {
    await server.stop();
  }
  const row = (label: string, requests: string, timings: Timing[]) => {
    const seconds = median(timings.map((r) => r.seconds));
    return [
      label,
      requests,
      `${seconds.toFixed(2)} s`,
      int(files.length / seconds),
      int(timings[0]!.samples / seconds),
      timings.map((r) => int(files.length / r.seconds)).join(", "),
    ];
  };
  return [
    `f. Upload throughput: ${int(files.length)} jittered fixture copies (${int(runs.cli[0]!.samples)} samples) into next start on ${o.target.kind === "postgres" ? "PostgreSQL (throwaway databases on the measured server)" : "SQLite"}, each way into a dataset of its own (nothing skipped), medians of ${o.trials} runs`,
    formatTable([
      ["", "requests", "time", "files/s", "samples/s", "files/s of each run"],
      row("POST /api/imports, one .tar.gz (lib/upload/client.ts)", "1", runs.archive),
      row("POST /api/imports, one multipart request per file", int(files.length), runs.perFile),
      row("npm run ingest (CLI, fresh database, process start included)", "", runs.cli),
      row("the CLI's importPaths in this process (no process start)", "", runs.inProcess),
    ]),
    "   the archive's time includes packing it in the client; per-file requests go one after another, as imports run one at a time on the server",
  ];
}

async function archive(target: ReturnType<typeof remoteTarget>, corpus: string, dataset: string, expected: number) {
  const started = performance.now();
  const answer = await uploadPaths(target, [corpus], { dataset });
  const seconds = (performance.now() - started) / 1000;
  if (answer.imported !== expected) throw new Error(`f: the archive imported ${answer.imported} of ${expected} files`);
  return { seconds, samples: answer.samples };
}

async function perFile(target: ReturnType<typeof remoteTarget>, corpus: string, files: string[], dataset: string) {
  let samples = 0;
  const started = performance.now();
  for (const file of files) {
    const form = new FormData();
    form.append("dataset", dataset);
    // Under the corpus folder's name, as the archive and a browser's folder upload send it: a file's
    // runtime comes from its parent folder, which must not become the upload's root.
    form.append("file", new Blob([new Uint8Array(readFileSync(file))]), relative(dirname(corpus), file));
    const response = await postUpload(target.endpoint, {
      body: form,
      headers: { authorization: `Bearer ${target.token}` },
    });
    const body: unknown = await response.json();
    if (!isUploadAnswer(body) || body.imported !== 1)
      throw new Error(`f: ${file}: ${response.status} ${JSON.stringify(body).slice(0, 300)}`);
    samples += body.samples;
  }
  return { seconds: (performance.now() - started) / 1000, samples };
}

async function inProcess(db: DbTarget, corpus: string, expected: number): Promise<Timing> {
  const store = await openStore(db);
  try {
    const started = performance.now();
    const summary = await store.importPaths([corpus]);
    const seconds = (performance.now() - started) / 1000;
    if (summary.imported !== expected) throw new Error(`f: importPaths imported ${summary.imported} of ${expected}`);
    return { seconds, samples: summary.samples };
  } finally {
    await store.close();
  }
}

function cli(appDir: string, db: DbTarget, corpus: string, expected: number): Timing {
  const started = performance.now();
  // The database through the environment, as a user's shell would set it.
  const r = spawnSync(process.execPath, ["--import", "tsx", join(appDir, "scripts", "ingest.ts"), "--json", corpus], {
    cwd: appDir,
    encoding: "utf8",
    env: envFor(db),
  });
  const seconds = (performance.now() - started) / 1000;
  const summary = JSON.parse(r.stdout || "{}") as { imported?: number; samples?: number };
  if (r.status !== 0 || summary.imported !== expected)
    throw new Error(`f: npm run ingest imported ${summary.imported} of ${expected}: ${r.stderr.slice(-300)}`);
  return { seconds, samples: summary.samples ?? 0 };
}
