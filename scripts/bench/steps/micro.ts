import { LOOPBACK } from "../wait";
import type { SandboxStep } from "./types";

// Micro-benchmarks that run wholly inside the sandbox. Durations are short on purpose: the
// paper suite for four runtimes with three repetitions must finish within 30 minutes on a
// 2-vCPU machine, and each step is repeated rather than run long.

export const sysbenchCpu: SandboxStep = {
  kind: "sandbox",
  name: "sysbench-cpu",
  ext: "txt",
  tool: "sysbench",
  cwd: "tmp",
  timeoutS: 60,
  command: () => ["sysbench", "cpu", "--time=5", "run"],
};

export const sysbenchMemory: SandboxStep = {
  kind: "sandbox",
  name: "sysbench-memory",
  ext: "txt",
  tool: "sysbench",
  cwd: "tmp",
  timeoutS: 60,
  command: () => ["sysbench", "memory", "--time=3", "run"],
};

export const mbw: SandboxStep = {
  kind: "sandbox",
  name: "mbw",
  ext: "txt",
  tool: "mbw",
  cwd: "tmp",
  timeoutS: 60,
  command: () => ["mbw", "-n", "3", "64"],
};

const FIO_MODES = ["randread", "randwrite", "read", "write"] as const;
const FIO_BLOCKS = ["4k", "1m"] as const;

/** fio on a 64 MiB file in the scratch folder (disk-backed, not tmpfs), direct I/O. */
function fioStep(rw: (typeof FIO_MODES)[number], bs: (typeof FIO_BLOCKS)[number]): SandboxStep {
  return {
    kind: "sandbox",
    name: `fio-${rw}-${bs}`,
    ext: "json",
    tool: "fio",
    cwd: "scratch",
    timeoutS: 120,
    command: ({ paths }) => [
      "fio",
      `--name=${rw}-${bs}`,
      `--filename=${paths.scratch}/fio.test`,
      "--size=64M",
      `--rw=${rw}`,
      `--bs=${bs}`,
      "--iodepth=8",
      "--ioengine=libaio",
      "--direct=1",
      "--runtime=2",
      "--time_based",
      "--output-format=json",
    ],
  };
}

/** The quick suite's disk step; the same object in both suites, so their workloads match. */
export const fioRandread4k = fioStep("randread", "4k");

export const fioSteps: SandboxStep[] = FIO_MODES.flatMap((rw) =>
  FIO_BLOCKS.map((bs) => (rw === "randread" && bs === "4k" ? fioRandread4k : fioStep(rw, bs))),
);

const FILEIO = "sysbench fileio --file-total-size=64M --file-num=4";

/** Prepare, run and clean up in one sandbox; only the run's report reaches stdout. */
export const sysbenchFileio: SandboxStep = {
  kind: "sandbox",
  name: "sysbench-fileio-rndrw",
  ext: "txt",
  tool: "sysbench",
  cwd: "scratch",
  timeoutS: 120,
  command: () => [
    "sh",
    "-c",
    `${FILEIO} prepare >/dev/null && ${FILEIO} --file-test-mode=rndrw --time=3 run; status=$?; ${FILEIO} cleanup >/dev/null; exit $status`,
  ],
};

/**
 * Server and client in the same sandbox, over the sandbox's own loopback (gVisor: netstack).
 * The client retries until the server listens; only the successful report is printed.
 */
export const iperf3Loopback: SandboxStep = {
  kind: "sandbox",
  name: "iperf3-loopback",
  ext: "json",
  tool: "iperf3",
  cwd: "tmp",
  timeoutS: 90,
  workload: "iperf3 tcp P=1 inside the sandbox (server and client)",
  command: ({ paths, port }) => {
    const report = `${paths.tmp}/iperf3-client.json`;
    return [
      "sh",
      "-c",
      `iperf3 -s -1 -B ${LOOPBACK} -p ${port} >/dev/null 2>&1 & ` +
        // iperf3 -J exits 0 even when the connection is refused; the report's "error" tells.
        `tries=0; until iperf3 -c ${LOOPBACK} -p ${port} -t 3 -J > ${report} && ! grep -q '"error"' ${report}; do ` +
        `tries=$((tries+1)); if [ $tries -ge 25 ]; then cat ${report} >&2; exit 1; fi; sleep 0.2; done; ` +
        `cat ${report}; wait`,
    ];
  },
};

/** stress-ng writes its log to stderr and the YAML report to the named file: stdout here. */
function stressNg(stressor: "syscall" | "get"): SandboxStep {
  return {
    kind: "sandbox",
    name: `stress-ng-${stressor}`,
    ext: "yaml",
    tool: "stress-ng",
    cwd: "tmp",
    timeoutS: 90,
    command: () => ["stress-ng", `--${stressor}`, "1", "--timeout", "3s", "--metrics-brief", "--yaml", "/dev/stdout"],
  };
}

export const stressNgSyscall = stressNg("syscall");
export const stressNgGet = stressNg("get");
