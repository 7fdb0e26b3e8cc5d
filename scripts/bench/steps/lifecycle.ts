import type { FootprintStep, StartupStep } from "./types";

/**
 * Start-up: hyperfine times the runtime's own foreground run of a sandbox whose command is
 * `true`, from the CLI call to the sandbox's removal. The command line names the runtime, so
 * a label keeps the workload the same for all of them.
 */
export const startup: StartupStep = {
  kind: "startup",
  name: "startup",
  ext: "json",
  tool: "hyperfine",
  runs: 10,
  warmup: 3,
  timeoutS: 180,
  workload: "start and remove a sandbox running true",
};

/** Memory of the host processes behind one idle sandbox (`sleep`), summed into one number. */
export const footprint: FootprintStep = {
  kind: "footprint",
  name: "footprint",
  ext: "txt",
  tool: "ps",
  settleMs: 1000,
  timeoutS: 60,
  workload: "idle sandbox (sleep): host processes",
  parserOptions: { sum: true },
};
