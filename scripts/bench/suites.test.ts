import { describe, expect, it } from "vitest";
import { SUITES } from "./suites";
import type { OutputStep, StepContext, SuiteEntry } from "./steps/types";

const CTX: StepContext = { paths: { scratch: "/scratch", tmp: "/tmp" }, port: 40123 };

const outputsOf = (entries: SuiteEntry[]): OutputStep[] =>
  entries.flatMap((e): OutputStep[] => (e.kind === "server" ? e.clients : [e]));

/** Every command line a suite would run, server commands, setup and readiness probes included. */
function commandsOf(entries: SuiteEntry[]): string[] {
  return entries.flatMap((e) => {
    switch (e.kind) {
      case "sandbox":
        return [e.command(CTX).join(" ")];
      case "server":
        return [
          e.command(CTX).join(" "),
          ...Object.values(e.files(CTX)),
          ...(e.readyProbe ? [e.readyProbe(CTX).join(" ")] : []),
          ...(e.setup?.(CTX) ?? []).map((argv) => argv.join(" ")),
          ...e.clients.map((c) => c.command(CTX).join(" ")),
        ];
      default:
        return [];
    }
  });
}

describe("suites", () => {
  it.each(Object.entries(SUITES))("%s: every output has its own file name", (_, entries) => {
    const names = outputsOf(entries).map((s) => s.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it("quick is a subset of paper with identical definitions, so their workloads match", () => {
    const paper = new Map(outputsOf(SUITES.paper).map((s) => [s.name, s]));
    for (const step of outputsOf(SUITES.quick)) expect(paper.get(step.name)).toBe(step);
  });

  it("paper covers every tool of the study's categories", () => {
    expect(new Set(outputsOf(SUITES.paper).map((s) => s.tool))).toEqual(
      new Set(["sysbench", "mbw", "fio", "iperf3", "stress-ng", "hyperfine", "ps", "wrk", "ab", "redis-benchmark"]),
    );
  });

  it.each(Object.entries(SUITES))("%s: network traffic goes to 127.0.0.1 only", (_, entries) => {
    const text = commandsOf(entries).join("\n");
    const addresses = [...text.matchAll(/\b\d{1,3}(?:\.\d{1,3}){3}\b/g)].map((m) => m[0]);
    expect(addresses.length).toBeGreaterThan(0);
    expect(new Set(addresses)).toEqual(new Set(["127.0.0.1"]));
    expect(text).not.toMatch(/\blocalhost\b|0\.0\.0\.0/);
  });

  it("time-bounds every tool run, so that a repetition stays within seconds", () => {
    const text = commandsOf(SUITES.paper).join("\n");
    for (const bound of ["--time=5", "--runtime=2", "-t 3", "--timeout 3s", "-d5s", "-n 5000", "-n 20000"])
      expect(text).toContain(bound);
    expect(outputsOf(SUITES.paper).every((s) => s.timeoutS > 0 && s.timeoutS <= 180)).toBe(true);
  });
});
