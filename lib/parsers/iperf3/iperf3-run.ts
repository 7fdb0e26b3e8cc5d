import type { WorkloadKey } from "../types";

/** What an iperf3 run measured, as far as the output tells. */
export interface Iperf3Run {
  protocol: "tcp" | "udp";
  streams: number;
  reverse: boolean;
  /** `--bidir`: both ends send at once, each direction over its own streams. */
  bidir: boolean;
  /** Requested test length in seconds. */
  duration: number;
  /** `-b` in bit/s; only JSON output records it, and 0 (unlimited) is left out. */
  targetBitrate?: number;
}

/**
 * Prefix of the --bidir server-to-client direction's metrics: iperf3 names it `*_bidir_reverse`,
 * and it is what -R measures alone, so `reverse_sent_throughput` reads like `-R`'s `sent_throughput`.
 */
export const BIDIR_REVERSE_PREFIX = "reverse_";

/** Formats `-b` as iperf3 accepts it, so the workload name reads like the command line. */
function formatBitrate(bps: number): string {
  for (const [factor, suffix] of [
    [1e9, "G"],
    [1e6, "M"],
    [1e3, "K"],
  ] as const) {
    if (bps % factor === 0) return `${bps / factor}${suffix}`;
  }
  return String(bps);
}

export function iperf3Workload(run: Iperf3Run): WorkloadKey {
  const bitrate = run.targetBitrate ? ` b=${formatBitrate(run.targetBitrate)}` : "";
  const params: WorkloadKey["params"] = {
    protocol: run.protocol,
    streams: run.streams,
    reverse: run.reverse,
    duration: run.duration,
  };
  // Only when set, so one-way workloads keep the params (and identity) they always had.
  if (run.bidir) params.bidir = true;
  if (run.targetBitrate) params.target_bitrate = run.targetBitrate;
  const mode = run.reverse ? " reverse" : run.bidir ? " bidir" : "";
  return {
    name: `iperf3 ${run.protocol}${mode}${bitrate} P=${run.streams}`,
    category: "network",
    params,
  };
}

/** iperf3 does not record its argv; this is the equivalent client command. */
export function iperf3Command(run: Iperf3Run, host: string, port: number, json: boolean): string {
  const parts = ["iperf3", "-c", host, "-p", String(port), "-t", String(run.duration)];
  if (run.streams > 1) parts.push("-P", String(run.streams));
  if (run.reverse) parts.push("-R");
  if (run.bidir) parts.push("--bidir");
  if (run.protocol === "udp") parts.push("-u");
  if (run.targetBitrate) parts.push("-b", formatBitrate(run.targetBitrate));
  if (json) parts.push("-J");
  return parts.join(" ");
}
