import { describe, expect, it } from "vitest";
import { describeFixtureCases, matchValues, parseFixture, readFirecrackerRaw } from "./__test__/fixture-cases";
import { pmapParser as parser } from "./pmap";

const parse = (name: string) => parseFixture(parser, "pmap", name);

// The 'total kB' line: Kbytes, RSS, Dirty in KiB; value * 1024 = bytes.
const GOOD: [string, Record<string, number>][] = [
  ["sleep.txt", { "pmap sleep mapped": 2924 * 1024, "pmap sleep rss": 1884 * 1024, "pmap sleep dirty": 108 * 1024 }],
  [
    "redis-server.txt",
    {
      "pmap redis-server mapped": 63388 * 1024,
      "pmap redis-server rss": 7856 * 1024,
      "pmap redis-server dirty": 3452 * 1024,
    },
  ],
  [
    "sleep-2.txt",
    { "pmap sleep rss#0": 1884 * 1024, "pmap sleep rss#1": 1796 * 1024, "pmap sleep dirty#1": 108 * 1024 },
  ],
];

const BROKEN: [string, string][] = [
  ["truncated.txt", "line 1: process 9112: missing the 'total kB' line (output cut short, or not run with -x?)"],
  [
    "empty.txt",
    "expected a 'PID:   command' line followed by the 'Address Kbytes RSS Dirty Mode Mapping' header of pmap -x",
  ],
  [
    "wrong-tool.txt",
    "expected a 'PID:   command' line followed by the 'Address Kbytes RSS Dirty Mode Mapping' header of pmap -x",
  ],
];

describe("pmap parser", () => {
  describeFixtureCases({
    parser,
    tool: "pmap",
    good: GOOD,
    read: matchValues(),
    broken: BROKEN,
    copiesElsewhere: ["ps/wrong-tool.txt"],
  });

  it("keys the workload by program and keeps the command line", () => {
    const result = parse("sleep.txt");
    expect(result.command).toBe("sleep 30");
    expect(result.samples[0]?.workload).toEqual({
      name: "pmap sleep",
      category: "footprint",
      params: { command: "sleep" },
    });
  });

  it("reads the Firecracker paper's pmap -x outputs", () => {
    // procps 3.3 there prints every mapping twice (the second with zeros); only the totals count.
    const read = (file: string) => {
      const raw = readFirecrackerRaw(file);
      expect(parser.detect(raw, file)).toBe(true);
      return parser.parse(raw, { fileName: file }).samples.map((s) => [s.workload.name, s.metric, s.value]);
    };
    expect(read("mem-fc-128-pmap.txt")).toEqual([
      ["pmap firecracker", "mapped", 135384 * 1024],
      ["pmap firecracker", "rss", 132656 * 1024],
      ["pmap firecracker", "dirty", 130700 * 1024],
    ]);
    expect(read("mem-chv-1024-pmap.txt")[1]).toEqual(["pmap cloud-hypervisor", "rss", 193668 * 1024]);
  });
});
