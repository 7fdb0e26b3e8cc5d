import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { labelFile } from "@/lib/ingest/labels";
import { loadManifest } from "@/lib/ingest/manifest/load";
import { buildManifest, manifestYaml, type StepRecord } from "./manifest-writer";

const TIMES = { startedAt: "2026-11-26T22:25:32.917Z", endedAt: "2026-11-26T22:25:38.101Z" };

const RECORDS: StepRecord[] = [
  {
    runtime: "runc",
    version: "1.1.5+ds1",
    step: "sysbench-cpu",
    rep: 1,
    status: "ok",
    file: "runc/sysbench-cpu-rep1.txt",
    tool: "sysbench",
    toolVersion: "sysbench 1.0.20",
    command: "sysbench cpu --time=5 run",
    ...TIMES,
  },
  {
    runtime: "runsc-ptrace",
    version: "0.0~20221219.0",
    step: "footprint",
    rep: 2,
    status: "ok",
    file: "runsc-ptrace/footprint-rep2.txt",
    tool: "ps",
    command: "ps -o pid,vsz,rss,command -p 15753,15755",
    workload: "idle sandbox (sleep): host processes",
    parserOptions: { sum: true },
    ...TIMES,
  },
  {
    runtime: "kata-fc",
    variant: "docker",
    step: "startup",
    rep: 1,
    status: "ok",
    file: "kata-fc/startup-rep1.json",
    tool: "hyperfine",
    command: "hyperfine -N ... 'docker run --rm --runtime io.containerd.kata-fc.v2 debian:12-slim true'",
    workload: "start and remove a sandbox running true",
    ...TIMES,
  },
  {
    runtime: "runsc-ptrace",
    step: "iperf3-host-to-sandbox",
    rep: 1,
    status: "failed",
    file: "runsc-ptrace/iperf3-host-to-sandbox-rep1.failed.log",
    tool: "iperf3",
    command: "iperf3 -c 127.0.0.1 -p 39445 -t 3 -J",
    error: "control socket has closed unexpectedly",
    ...TIMES,
  },
];

const INPUT = { dataset: "bench-paper-vm", host: "vm", description: "hvscope bench, suite paper", records: RECORDS };

describe("manifest writer", () => {
  const dir = mkdtempSync(join(tmpdir(), "hvscope-manifest-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("writes one rule per output with runtime, version, tool version, command and workload; failed logs are ignored", () => {
    const manifest = buildManifest(INPUT);
    expect(manifest).toMatchObject({
      dataset: "bench-paper-vm",
      host: {
        name: "vm",
        sysinfo: {
          uname: "sys/uname.txt",
          cpuinfo: "sys/cpuinfo.txt",
          meminfo: "sys/meminfo.txt",
          os_release: "sys/os-release.txt",
          virtualization: "sys/virtualization.txt",
        },
      },
      ignore: ["sys/**", "steps.json", "**/*.failed.log"],
    });
    expect(manifest.files).toEqual([
      {
        match: "runc/sysbench-cpu-rep1.txt",
        ignore: false,
        runtime: "runc",
        version: "1.1.5+ds1",
        tool_version: "sysbench 1.0.20",
        command: "sysbench cpu --time=5 run",
      },
      {
        match: "runsc-ptrace/footprint-rep2.txt",
        ignore: false,
        runtime: "runsc-ptrace",
        version: "0.0~20221219.0",
        command: "ps -o pid,vsz,rss,command -p 15753,15755",
        workload: "idle sandbox (sleep): host processes",
        options: { sum: true },
      },
      {
        match: "kata-fc/startup-rep1.json",
        ignore: false,
        runtime: "kata-fc",
        variant: "docker",
        command: RECORDS[2]!.command,
        workload: "start and remove a sandbox running true",
      },
      { match: "runsc-ptrace/iperf3-host-to-sandbox-rep1.failed.log", ignore: true },
    ]);
  });

  it("round-trips through the ingest's manifest loader and labels each file as intended", () => {
    writeFileSync(
      join(dir, "hvscope.yaml"),
      manifestYaml(buildManifest(INPUT), ["Written by: npm run bench -- --runtime runc", ""]),
    );
    mkdirSync(join(dir, "sys"), { recursive: true });
    writeFileSync(
      join(dir, "sys", "uname.txt"),
      "Linux vm 6.18.44-fc-v782 #1 SMP PREEMPT_DYNAMIC @0 x86_64 GNU/Linux\n",
    );
    const loaded = loadManifest(join(dir, "hvscope.yaml"));
    const label = (file: string) => labelFile(join(dir, file), dir, {}, loaded);

    expect(label("runc/sysbench-cpu-rep1.txt")).toMatchObject({
      ignore: false,
      dataset: "bench-paper-vm",
      host: { name: "vm", kernel: "Linux 6.18.44-fc-v782" },
      runtime: "runc",
      version: "1.1.5+ds1",
      toolVersion: "sysbench 1.0.20",
      command: "sysbench cpu --time=5 run",
    });
    expect(label("runsc-ptrace/footprint-rep2.txt")).toMatchObject({
      workload: "idle sandbox (sleep): host processes",
      options: { sum: true },
    });
    expect(label("kata-fc/startup-rep1.json")).toMatchObject({ runtime: "kata-fc", variant: "docker" });
    expect(label("runsc-ptrace/iperf3-host-to-sandbox-rep1.failed.log").ignore).toBe(true);
    expect(label("runc/other-rep1.failed.log").ignore).toBe(true);
    expect(label("steps.json").ignore).toBe(true);
    expect(label("sys/uname.txt").ignore).toBe(true);
  });

  it("puts the header as YAML comments and leaves ignore: false out", () => {
    const text = manifestYaml(buildManifest(INPUT), [
      "Written by: npm run bench -- --runtime runc",
      "steps.json holds the times.",
    ]);
    expect(
      text.startsWith(
        "# Written by: npm run bench -- --runtime runc\n# steps.json holds the times.\ndataset: bench-paper-vm\n",
      ),
    ).toBe(true);
    expect(text).not.toContain("ignore: false");
    expect(text).toContain("ignore: true");
  });

  it("fails at write time on a record the manifest schema refuses", () => {
    expect(() => buildManifest({ ...INPUT, dataset: "" })).toThrow();
  });
});
