import type { SuiteId } from "./cli-options";
import { footprint, startup } from "./steps/lifecycle";
import {
  fioRandread4k,
  fioSteps,
  iperf3Loopback,
  mbw,
  stressNgGet,
  stressNgSyscall,
  sysbenchCpu,
  sysbenchFileio,
  sysbenchMemory,
} from "./steps/micro";
import { iperf3HostToSandbox, mariadb, nginx, redis } from "./steps/servers";
import type { SuiteEntry } from "./steps/types";

/**
 * paper: every category of the study (CPU, memory, disk, network, system calls, start-up,
 * memory footprint, web server, databases). quick: one short step per kind of driver path
 * (sandboxed tool, disk, in-sandbox network, syscalls, start-up, footprint, a server reached
 * from the host), for checking a machine or a runtime in well under three minutes.
 */
/** Nginx under ab only: one server reached from the host, the path the quick suite must cover. */
const nginxAbOnly = { ...nginx, clients: nginx.clients.filter((c) => c.name === "nginx-ab") };

export const SUITES: Record<SuiteId, SuiteEntry[]> = {
  paper: [
    sysbenchCpu,
    sysbenchMemory,
    mbw,
    ...fioSteps,
    sysbenchFileio,
    iperf3Loopback,
    iperf3HostToSandbox,
    stressNgSyscall,
    stressNgGet,
    startup,
    footprint,
    nginx,
    redis,
    mariadb,
  ],
  quick: [sysbenchCpu, fioRandread4k, iperf3Loopback, stressNgSyscall, startup, footprint, nginxAbOnly],
};
