import { Command } from "commander";
import { installInterruptHandlers } from "@/scripts/bench/cleanup";
import { parseBenchOptions, repsWarning, UsageError, type RawBenchOptions } from "@/scripts/bench/cli-options";
import { runBench } from "@/scripts/bench/runner";
import { redactToken, uploadRun } from "@/scripts/bench/upload-run";
import { checkReachable } from "@/lib/upload/client";

const program = new Command("bench")
  .description(
    "Run the benchmark suite under each runtime and write raw outputs plus an hvscope.yaml manifest, ready for `npm run ingest -- DIR`.",
  )
  .option(
    "--runtime <list>",
    "comma-separated: runc, crun, runsc-ptrace, runsc-systrap, bare-metal; with --engine any engine runtime, as NAME or LABEL=ENGINE_RUNTIME",
  )
  .option("--suite <suite>", "paper (every category) or quick (a short subset)", "paper")
  .option("--reps <n>", "repetitions of every step (default: 5 for paper, 3 for quick)")
  .option("--out <dir>", "a new or empty output folder (default: bench-results/<suite>-<time>)")
  .option("--dataset <name>", "dataset name in the manifest (default: bench-<suite>-<host>-<date>)")
  .option(
    "--engine <engine>",
    "run through docker, podman or nerdctl, passing its --runtime (for Kata, Firecracker...)",
  )
  .option(
    "--image <image>",
    "with --engine: the base image the host's /usr and /etc are mounted over (default: debian:12-slim; podman: none, a folder with --rootfs)",
  )
  .option(
    "--wait-quiet [seconds]",
    "before each step, wait until no other process uses more than 10 % CPU and all together under 0.3 × cores (at most SECONDS, default 600)",
  )
  .option(
    "--fix-crun-cgroups",
    "if crun refuses the hybrid cgroup layout, mount the controllers left on cgroup v2 as v1 (needs root; lasts until reboot)",
  )
  .option(
    "--upload <url>",
    "when the run ends, send the output folder to this hvscope instance and print the permalink",
  )
  .option("--token <token>", "with --upload: the upload token (default: $HVSCOPE_TOKEN, which ps does not show)")
  .parse();

const log = (message: string) => console.error(`bench: ${message}`);

async function main(): Promise<number> {
  let options;
  try {
    options = parseBenchOptions(program.opts<RawBenchOptions>());
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    console.error(`bench: ${e.message}`);
    return 2;
  }
  const warning = repsWarning(options);
  if (warning) log(`WARNING: ${warning}`);
  // An unreachable instance is better found now than after an hour of steps.
  if (options.upload) {
    try {
      await checkReachable(options.upload);
    } catch (e) {
      log(`--upload: ${e instanceof Error ? e.message : String(e)}`);
      return 2;
    }
  }
  installInterruptHandlers(log);
  const commandLine = ["npm run bench --", ...redactToken(process.argv.slice(2))].join(" ");
  try {
    const result = await runBench(options, { commandLine, log });
    const failed = result.records.filter((r) => r.status === "failed");
    const unsupported = result.records.filter((r) => r.status === "skipped").length;
    const skipped = result.runtimes.filter((r) => r.status === "skipped");
    for (const r of result.runtimes)
      log(
        `${r.label}: ${r.status === "measured" ? `${Math.round(r.seconds ?? 0)} s of steps` : `skipped (${r.reason})`}`,
      );
    log(
      `${result.records.length - failed.length - unsupported} outputs, ${failed.length} failed steps, ${unsupported} steps unsupported by their runtime, ` +
        `${skipped.length} skipped runtimes in ${Math.round(result.seconds)} s; ` +
        `import with: npm run ingest -- ${result.outDir}`,
    );
    const status = failed.length === 0 && skipped.length === 0 ? 0 : 1;
    return options.upload ? Math.max(status, await uploadRun(options.upload, result.outDir, log)) : status;
  } catch (e) {
    log(e instanceof Error ? e.message : String(e));
    return e instanceof UsageError ? 2 : 1;
  }
}

process.exitCode = await main();
