/**
 * The thread that prepares files ahead of the writer (db/prepare-ahead.ts): it claims the next
 * file the writer has not claimed, reads, labels, hashes, parses and deflates it, and posts the
 * result. Started through prepare-worker.mjs.
 */
import { parentPort } from "node:worker_threads";
import { labelsFor, manifestResolver, postPrepared, prepareFile } from "@/lib/ingest/prepare";
import { packContent } from "./content";
import { AHEAD, CLAIMED_BY_WORKER, NEXT, POSTED, STOP, type PreparedResult, type PrepareJob } from "./prepare-ahead";

parentPort!.on("message", (job: PrepareJob) => {
  const claims = new Int32Array(job.claims);
  const progress = new Int32Array(job.progress);
  const manifestFor = manifestResolver(job.manifest);
  const labelsOf = (file: PrepareJob["files"][number]) => labelsFor(file, job.cli, manifestFor);
  for (const [i, found] of job.files.entries()) {
    // At most AHEAD files ahead of the writer: prepared files wait in its memory.
    for (let next = Atomics.load(progress, NEXT); i > next + AHEAD; next = Atomics.load(progress, NEXT)) {
      if (Atomics.load(progress, STOP) !== 0) return;
      Atomics.wait(progress, NEXT, next, 100);
    }
    if (Atomics.load(progress, STOP) !== 0) return;
    if (Atomics.compareExchange(claims, i, 0, CLAIMED_BY_WORKER) !== 0) continue; // the writer took it
    job.results.postMessage({ i, posted: postPrepared(prepareFile(found, labelsOf, packContent)) } satisfies PreparedResult);
    Atomics.add(progress, POSTED, 1);
    Atomics.notify(progress, POSTED);
  }
  job.results.close();
});

parentPort!.postMessage({ ready: true });
