import { join } from "node:path";
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from "node:worker_threads";
import type { CliLabels } from "@/lib/ingest/labels";
import { receiveBatch, type PreparedFile } from "@/lib/ingest/prepare";
import type { FoundFile } from "@/lib/ingest/walk";

/** Most files the worker prepares beyond the one the writer is at. */
export const AHEAD = 256;
/** Slots of a job's progress array: the file the writer is at, whether the job is over, batches posted. */
export const NEXT = 0;
export const STOP = 1;
export const POSTED = 2;
/** Values of a job's claims array: nobody yet (0), the worker, the writer. */
export const CLAIMED_BY_WORKER = 1;
const CLAIMED_BY_WRITER = 2;

export interface PrepareJob {
  files: FoundFile[];
  cli: CliLabels;
  manifest?: string;
  /** One Int32 per file: who prepares it. Whoever swaps 0 for its mark first does. */
  claims: SharedArrayBuffer;
  /** Int32 [NEXT, STOP, POSTED]. */
  progress: SharedArrayBuffer;
  /** Where the worker posts what it prepared (lib/ingest/prepare.ts PostedBatch): the writer reads it synchronously. */
  results: MessagePort;
}

/**
 * In one thread, preparing files (reading, labelling, hashing, parsing, deflating) takes as much
 * of an import as writing them (docs/performance.md). A worker thread prepares files ahead of the
 * writer on the other core. The writer claims any file the worker has not reached, so it never
 * waits for the worker to start, nor idles while a worker still compiling its parsers is slow;
 * whichever thread claims a file prepares it, and the writer stores files in their order, as
 * before. One worker serves every import of the process (unref'd between them): starting it
 * costs CPU (tsx loads the parsers), and its compiled parsers stay warm.
 */
export class PrepareAhead {
  private readonly claims: Int32Array;
  private readonly progress: Int32Array;
  private readonly prepared = new Map<number, PreparedFile>();
  private readonly fromWorker = new Set<number>();
  private workerGone = false;
  private stopped = false;
  /** Files the worker prepared that the writer took. */
  preparedByWorker = 0;
  private readonly detach: () => void;

  private constructor(
    private readonly worker: Worker,
    job: PrepareJob,
    private readonly results: MessagePort,
    private readonly prepareHere: (i: number) => PreparedFile,
  ) {
    this.claims = new Int32Array(job.claims);
    this.progress = new Int32Array(job.progress);
    const onGone = () => (this.workerGone = true);
    worker.on("error", onGone).on("exit", onGone);
    this.detach = () => worker.off("error", onGone).off("exit", onGone);
    worker.ref(); // awaited results must keep the process alive
    worker.postMessage(job, [job.results]);
  }

  /**
   * Starts preparing `files` on the process's worker (or `worker`); null when none can be
   * started. `prepareHere` prepares file i on the writer's thread, as the worker would.
   */
  static start(
    files: FoundFile[],
    labels: { cli: CliLabels; manifest?: string | undefined },
    prepareHere: (i: number) => PreparedFile,
    worker = sharedWorker(),
  ): PrepareAhead | null {
    if (worker === null) return null;
    const { cli, manifest } = labels;
    const { port1, port2 } = new MessageChannel();
    const job: PrepareJob = {
      files: files.map(({ absPath, root, path }) => ({ absPath, root, path })),
      // The labels alone: an import's options also hold functions (onFile), which cannot be posted.
      cli: {
        ...(cli.dataset ? { dataset: cli.dataset } : {}),
        ...(cli.host ? { host: cli.host } : {}),
        ...(cli.runtime ? { runtime: cli.runtime } : {}),
      },
      ...(manifest ? { manifest } : {}),
      claims: new SharedArrayBuffer(Math.max(1, files.length) * Int32Array.BYTES_PER_ELEMENT),
      progress: new SharedArrayBuffer(3 * Int32Array.BYTES_PER_ELEMENT),
      results: port2,
    };
    return new PrepareAhead(worker, job, port1, prepareHere);
  }

  /**
   * File `i` prepared ahead (by the worker, or by the writer while it waited), or null when
   * the writer is to prepare it itself: nobody has claimed it yet (the writer claims it now),
   * the worker is gone or the job stopped. Call in order of `i`.
   */
  async take(i: number): Promise<PreparedFile | null> {
    if (this.stopped) return null;
    Atomics.store(this.progress, NEXT, i);
    Atomics.notify(this.progress, NEXT);
    for (;;) {
      // Results are read synchronously: the writer seldom returns to the event loop (its
      // queries are synchronous underneath), so message events would only come when it waits.
      const posted = Atomics.load(this.progress, POSTED);
      for (let m = receiveMessageOnPort(this.results); m !== undefined; m = receiveMessageOnPort(this.results))
        for (const { i: at, prepared } of receiveBatch(m.message)) {
          this.prepared.set(at, prepared);
          this.fromWorker.add(at);
        }
      const ready = this.prepared.get(i);
      if (ready !== undefined) {
        this.prepared.delete(i);
        if (this.fromWorker.delete(i)) this.preparedByWorker++;
        return ready;
      }
      if (this.workerGone || this.claim(i)) return null;
      // The worker is on file i. Rather than wait, prepare the next file it has not reached: a
      // worker still compiling its parsers is slower than the writer, and helping made a cold import
      // faster (docs/performance.md). Only when there is none, wait for its next result (the
      // timeout lets its exit be noticed).
      const later = this.claimNextAfter(i);
      if (later !== null) this.prepared.set(later, this.prepareHere(later));
      else await waitAsync(this.progress, POSTED, posted, 50).value;
    }
  }

  private claim(i: number): boolean {
    return Atomics.compareExchange(this.claims, i, 0, CLAIMED_BY_WRITER) === 0;
  }

  private claimNextAfter(i: number): number | null {
    const end = Math.min(this.claims.length, i + 1 + AHEAD);
    for (let j = i + 1; j < end; j++) if (Atomics.load(this.claims, j) === 0 && this.claim(j)) return j;
    return null;
  }

  /** Resolves once the process's worker has loaded (true) or could not (false): tests wait for it. */
  static async ready(): Promise<boolean> {
    const worker = sharedWorker();
    if (worker === null) return false;
    worker.ref();
    try {
      return await started.get(worker)!;
    } finally {
      worker.unref();
    }
  }

  /** Ends the job: the worker stops after the file it is on, and lets the process exit. */
  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    Atomics.store(this.progress, STOP, 1);
    Atomics.notify(this.progress, NEXT);
    this.results.close();
    this.detach();
    this.worker.unref();
  }
}

// In Node since 16; TypeScript types it from lib es2024, which this project does not target yet.
const waitAsync = (
  Atomics as unknown as {
    waitAsync(a: Int32Array, index: number, value: number, timeoutMs: number): { value: unknown };
  }
).waitAsync;

let shared: Worker | null = null;
/** Whether each worker loaded its module (it posts { ready: true }) or exited first. */
const started = new WeakMap<Worker, Promise<boolean>>();

function sharedWorker(): Worker | null {
  if (shared !== null) return shared;
  try {
    // A path the server build does not follow: the worker loads tsx, which only the CLI has, and
    // uploads through the server (decision 015) never start it.
    const worker = new Worker(join(/* turbopackIgnore: true */ import.meta.dirname, "prepare-worker.mjs"));
    // A worker that fails or exits is dropped; the import it served goes on without it.
    worker
      .on("error", () => {})
      .on("exit", () => {
        if (shared === worker) shared = null;
      });
    started.set(
      worker,
      new Promise((resolve) =>
        worker.on("message", (m: { ready?: boolean }) => m.ready && resolve(true)).once("exit", () => resolve(false)),
      ),
    );
    worker.unref();
    return (shared = worker);
  } catch {
    return null;
  }
}
