import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { listFixtures, readFixture } from "./fixtures";
import { meminfoMetricName, meminfoParser as parser } from "./meminfo";

const parse = (name: string) => parser.parse(readFixture("meminfo", name), { fileName: name });
const valuesOf = (name: string) => Object.fromEntries(parse(name).samples.map((s) => [s.metric, s.value]));

// Published raw outputs (see ../shared/datasets/README.md); not part of the repository.
const DATASET = join(import.meta.dirname, "../../../shared/datasets/firecracker-nsdi2020/m5d.metal/raw");

// kB in /proc/meminfo is KiB: value * 1024 = bytes; HugePages_* are plain counts.
const GOOD: [string, Record<string, number>][] = [
  [
    "host.txt",
    {
      mem_total: 24683620 * 1024,
      mem_free: 23340376 * 1024,
      mem_available: 24057400 * 1024,
      cached: 861288 * 1024,
      active_anon: 1568 * 1024,
      s_reclaimable: 118092 * 1024,
      committed_as: 630708 * 1024,
      vmalloc_total: 34359738367 * 1024,
      huge_pages_total: 0,
      direct_map_2m: 25139200 * 1024,
      mem_used: (24683620 - 24057400) * 1024,
    },
  ],
];

const BROKEN: [string, string][] = [
  ["truncated.txt", 'line 3: expected \'Key: value [kB]\', got "MemA"'],
  ["empty.txt", "missing the MemTotal line"],
  ["wrong-tool.txt", 'line 1: expected \'Key: value [kB]\', got "\\tCommand being timed: \\"sleep 0.2\\""'],
];

describe("meminfo parser", () => {
  it.each(GOOD)("reads %s", (name, expected) => {
    expect(parser.detect(readFixture("meminfo", name), name)).toBe(true);
    expect(valuesOf(name)).toMatchObject(expected);
  });

  it("emits one metric per line plus the derived mem_used", () => {
    const lines = readFixture("meminfo", "host.txt").trim().split("\n").length;
    expect(parse("host.txt").samples).toHaveLength(lines + 1);
  });

  it("marks free and available memory as higher-is-better, counts as counts", () => {
    const byMetric = new Map(parse("host.txt").samples.map((s) => [s.metric, s]));
    expect(byMetric.get("mem_available")?.direction).toBe("higher");
    expect(byMetric.get("mem_free")?.direction).toBe("higher");
    expect(byMetric.get("mem_used")?.direction).toBeUndefined();
    expect(byMetric.get("huge_pages_free")).toMatchObject({ unit: "count", direction: "higher" });
  });

  it.each([
    ["MemAvailable", "mem_available"],
    ["Active(file)", "active_file"],
    ["SReclaimable", "s_reclaimable"],
    ["NFS_Unstable", "nfs_unstable"],
    ["Committed_AS", "committed_as"],
    ["HugePages_Rsvd", "huge_pages_rsvd"],
    ["Hugepagesize", "hugepagesize"],
    ["DirectMap4k", "direct_map_4k"],
  ])("names %s as %s", (key, metric) => {
    expect(meminfoMetricName(key)).toBe(metric);
  });

  it.each(BROKEN)("rejects %s", (name, message) => {
    expect(() => parse(name)).toThrow(message);
  });

  it("has a case for every fixture", () => {
    expect([...GOOD, ...BROKEN].map(([name]) => name).sort()).toEqual(listFixtures("meminfo"));
  });

  it("does not claim empty input, GNU time output or ping output", () => {
    expect(parser.detect("", "x.txt")).toBe(false);
    expect(parser.detect(readFixture("meminfo", "wrong-tool.txt"), "wrong-tool.txt")).toBe(false);
    for (const name of listFixtures("ping")) expect(parser.detect(readFixture("ping", name), name)).toBe(false);
  });

  it.skipIf(!existsSync(DATASET))("reads a Firecracker guest's /proc/meminfo (skipped when ../shared/datasets is absent)", () => {
    const raw = readFileSync(join(DATASET, "mem-fc-128-vm.txt"), "utf8");
    expect(parser.detect(raw, "mem-fc-128-vm.txt")).toBe(true);
    const values = Object.fromEntries(parser.parse(raw, { fileName: "mem-fc-128-vm.txt" }).samples.map((s) => [s.metric, s.value]));
    expect(values).toMatchObject({ mem_total: 114800 * 1024, mem_available: 66460 * 1024, mem_used: (114800 - 66460) * 1024 });
  });
});
