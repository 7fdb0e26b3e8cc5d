import { describe, expect, it } from "vitest";
import { describeFixtureCases, matchValues, parseFixture, samplesByRun } from "./__test__/fixture-cases";
import { gnuTimeParser as parser } from "./gnu-time";

const parse = (name: string) => parseFixture(parser, "gnu-time", name);

// Elapsed m:ss.ss and seconds -> ns; Maximum resident set size (kbytes) * 1024 -> bytes.
const GOOD: [string, Record<string, number>][] = [
  [
    "sleep.txt",
    {
      "sleep 0.2 wall_time": 210_000_000,
      "sleep 0.2 user_time": 0,
      "sleep 0.2 max_rss": 1656 * 1024,
      "sleep 0.2 major_page_faults": 0,
      "sleep 0.2 minor_page_faults": 98,
      "sleep 0.2 voluntary_context_switches": 2,
      "sleep 0.2 involuntary_context_switches": 13,
      "sleep 0.2 cpu_usage": 3,
    },
  ],
  [
    "dd.txt",
    {
      "dd if=/dev/zero of=/dev/null bs=1M count=64 wall_time": 40_000_000,
      "dd if=/dev/zero of=/dev/null bs=1M count=64 user_time": 10_000_000,
      "dd if=/dev/zero of=/dev/null bs=1M count=64 max_rss": 2912 * 1024,
      "dd if=/dev/zero of=/dev/null bs=1M count=64 fs_inputs": 360,
    },
  ],
  [
    "nonzero-exit.txt",
    { "ls /nonexistent-hvscope max_rss": 2224 * 1024, "ls /nonexistent-hvscope wall_time": 20_000_000 },
  ],
  // dd.txt plus 50,000 blank lines: the same values (issue 7: blank lines used to take quadratic time).
  [
    "issue-7-4.txt",
    {
      "dd if=/dev/zero of=/dev/null bs=1M count=64 wall_time": 40_000_000,
      "dd if=/dev/zero of=/dev/null bs=1M count=64 fs_inputs": 360,
    },
  ],
  [
    "appended-3.txt",
    {
      "sleep 0.1 wall_time#0": 110_000_000,
      "sleep 0.1 wall_time#1": 100_000_000,
      "sleep 0.1 max_rss#0": 1656 * 1024,
      "sleep 0.1 max_rss#2": 1640 * 1024,
    },
  ],
];

const BROKEN: [string, string][] = [
  ["truncated.txt", "line 1: sleep 0.2: missing 'Exit status' (output cut short, or not time -v?)"],
  [
    "runc-runsc-truncated.txt",
    "line 70: runsc --platform=ptrace --network=none run --bundle /tmp/mr2-b hvscope-time: missing 'Exit status' (output cut short, or not time -v?)",
  ],
  ["empty.txt", "missing the 'Command being timed: \"...\"' line of time -v"],
  ["wrong-tool.txt", "missing the 'Command being timed: \"...\"' line of time -v"],
];

describe("GNU time parser", () => {
  describeFixtureCases({
    parser,
    tool: "gnu-time",
    good: GOOD,
    read: matchValues(),
    broken: BROKEN,
    testedElsewhere: ["runc-runsc-appended.txt"],
    copiesElsewhere: ["meminfo/wrong-tool.txt", "stress-ng/wrong-tool.txt", "bash-time/wrong-tool-gnu-time.txt"],
  });

  it("reads a report followed by many blank lines in linear time (issue 7: 1.6 s before, about 10 ms after)", () => {
    const started = performance.now();
    expect(parse("issue-7-4.txt").samples).toEqual(parse("dd.txt").samples);
    expect(performance.now() - started, "parse time in ms").toBeLessThan(500);
  });

  it("keys the workload by the timed command", () => {
    const result = parse("sleep.txt");
    expect(result.command).toBe("sleep 0.2");
    expect(result.samples[0]?.workload).toEqual({
      name: "sleep 0.2",
      category: "footprint",
      params: { command: "sleep 0.2" },
    });
    expect(result.samples.every((s) => s.repetition === undefined)).toBe(true);
  });

  it("makes appended runs of one command repetitions", () => {
    const walls = parse("appended-3.txt").samples.filter((s) => s.metric === "wall_time");
    expect(walls.map((s) => s.repetition)).toEqual([0, 1, 2]);
  });

  it("leaves the runtime a command names out of its workload: runc and gVisor runs are one workload (issue 18)", () => {
    const result = parse("runc-runsc-appended.txt");
    const workload = "{runtime} run --bundle /tmp/mr2-b hvscope-time";
    const value = (metric: string, run: string) =>
      samplesByRun(result)
        .get(`${workload}#${run}`)
        ?.find((s) => s.metric === metric)?.value;
    expect([...samplesByRun(result).keys()]).toEqual([
      `${workload}#0 @runc`,
      `${workload}#0 @runsc-ptrace`,
      `${workload}#1 @runc`,
      `${workload}#1 @runsc-ptrace`,
    ]);
    expect(value("wall_time", "0 @runc")).toBe(20_000_000);
    expect(value("wall_time", "0 @runsc-ptrace")).toBe(150_000_000);
    expect(value("max_rss", "1 @runc")).toBe(9940 * 1024);
    expect(value("user_time", "1 @runsc-ptrace")).toBe(50_000_000);
    expect(result.samples[0]?.workload).toEqual({
      name: workload,
      category: "footprint",
      params: { command: workload },
    });
    expect(result.command, "two commands").toBeUndefined();
  });
});
