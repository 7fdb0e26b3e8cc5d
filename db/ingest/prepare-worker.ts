/**
 * The thread that prepares files ahead of the writer (db/ingest/prepare-ahead.ts): it claims the next
 * file the writer has not claimed, reads, labels, hashes, parses and deflates it, and posts the
 * result. Started through prepare-worker.mjs.
 */
import { parentPort } from "node:worker_threads";
import { labelsFor, manifestResolver, postBatch, prepareFile, type Numbered } from "@/lib/ingest/prepare";
import { packContent } from "../content";
import { AHEAD, CLAIMED_BY_WORKER, NEXT, POSTED, STOP, type PrepareJob } from "./prepare-ahead";

/** Files per message: fewer messages cost the writer less, but it waits for a batch's first file. */
const BATCH = 8;

parentPort!.on("message", (job: PrepareJob) => {
  const claims = new Int32Array(job.claims);
  const progress = new Int32Array(job.progress);
  const manifestFor = manifestResolver(job.manifest);
  const labelsOf = (file: PrepareJob["files"][number]) => labelsFor(file, job.cli, manifestFor);
  let batch: Numbered[] = [];
  const post = () => {
    if (batch.length === 0) return;
    job.results.postMessage(postBatch(batch));
    batch = [];
    Atomics.add(progress, POSTED, 1);
    Atomics.notify(progress, POSTED);
  };
  for (const [i, found] of job.files.entries()) {
    // At most AHEAD files ahead of the writer: prepared files wait in its memory.
    for (let next = Atomics.load(progress, NEXT); i > next + AHEAD; next = Atomics.load(progress, NEXT)) {
      post();
      if (Atomics.load(progress, STOP) !== 0) return;
      Atomics.wait(progress, NEXT, next, 100);
    }
    if (Atomics.load(progress, STOP) !== 0) return;
    if (Atomics.compareExchange(claims, i, 0, CLAIMED_BY_WORKER) !== 0) continue; // the writer took it
    batch.push({ i, prepared: prepareFile(found, labelsOf, packContent) });
    // Posted once full, or at once when the writer has reached it.
    if (batch.length >= BATCH || Atomics.load(progress, NEXT) >= batch[0]!.i) post();
  }
  post();
  job.results.close();
});

parentPort!.postMessage({ ready: true });
