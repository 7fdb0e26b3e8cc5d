import { setTimeout as sleep } from "node:timers/promises";
import { describeProcess, notQuietReason, readTicks, type MachineSample, type MachineWatch } from "./machine-load";

/** What else ran around one step: before it (a short window) and during it (its whole length). */
export interface StepMachine {
  before: MachineSample;
  during: MachineSample;
  /** Set when the machine was not quiet before or during the step: why. */
  notQuiet?: string;
}

const BEFORE_WINDOW_MS = 500;
const WAIT_WINDOW_MS = 2000;
const WAIT_LOG_EVERY_MS = 15_000;

/**
 * Measures the machine before a step; with `waitQuietS`, samples again until it is quiet or
 * that many seconds have passed (then the step runs anyway, flagged), saying what it waits for.
 * Returns a function to call when the step has ended.
 */
export async function watchStep(
  watch: MachineWatch,
  waitQuietS: number | undefined,
  log: (message: string) => void,
): Promise<() => StepMachine> {
  let first = await watch.sample(BEFORE_WINDOW_MS);
  if (waitQuietS !== undefined) first = await waitForQuiet(watch, first, waitQuietS, log);
  const { sample: before, end: start } = first;
  const stopTracking = watch.trackOwnTree();
  return () => {
    const during = watch.between(start, readTicks(), stopTracking());
    const reason = notQuietReason(before, watch.cores) ?? notQuietReason(during, watch.cores);
    return { before, during, ...(reason ? { notQuiet: reason } : {}) };
  };
}

type Sampled = Awaited<ReturnType<MachineWatch["sample"]>>;

async function waitForQuiet(
  watch: MachineWatch,
  first: Sampled,
  maxS: number,
  log: (message: string) => void,
): Promise<Sampled> {
  let current = first;
  const deadline = Date.now() + maxS * 1000;
  let lastLog = 0;
  for (;;) {
    const reason = notQuietReason(current.sample, watch.cores);
    if (reason === undefined) return current;
    if (Date.now() >= deadline) {
      log(`still not quiet after ${maxS} s (${reason}); running the step anyway, flagged in steps.json`);
      return current;
    }
    if (Date.now() - lastLog >= WAIT_LOG_EVERY_MS) {
      const left = Math.round((deadline - Date.now()) / 1000);
      log(`waiting for a quiet machine (at most ${left} s more): ${reason}`);
      lastLog = Date.now();
    }
    await sleep(1000);
    current = await watch.sample(WAIT_WINDOW_MS);
  }
}

/** One line for the log: load average and the busiest other process. */
export function describeMachine(m: StepMachine): string {
  const top = m.during.busiest[0];
  return `load ${m.during.loadAverage.one.toFixed(2)}${top ? `, busiest other ${describeProcess(top)}` : ""}`;
}
