import { describe, expect, it } from "vitest";
import {
  describeFixtureCases,
  matchValues,
  parseFixture,
  readFirecrackerRaw,
  sampleValues,
} from "./__test__/fixture-cases";
import { readFixture } from "./__test__/fixtures";
import { meminfoMetricName, meminfoParser as parser } from "./meminfo";

const parse = (name: string) => parseFixture(parser, "meminfo", name);

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
  ["truncated.txt", "line 3: expected 'Key: value [kB]', got \"MemA\""],
  ["empty.txt", "missing the MemTotal line"],
  ["wrong-tool.txt", 'line 1: expected \'Key: value [kB]\', got "\\tCommand being timed: \\"sleep 0.2\\""'],
];

describe("meminfo parser", () => {
  describeFixtureCases({
    parser,
    tool: "meminfo",
    good: GOOD,
    read: matchValues({ metricOnly: true }),
    broken: BROKEN,
    copiesElsewhere: ["gnu-time/wrong-tool.txt"],
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

  it("reads a Firecracker guest's /proc/meminfo", () => {
    const raw = readFirecrackerRaw("mem-fc-128-vm.txt");
    expect(parser.detect(raw, "mem-fc-128-vm.txt")).toBe(true);
    const values = sampleValues(parser.parse(raw, { fileName: "mem-fc-128-vm.txt" }), { metricOnly: true });
    expect(values).toMatchObject({
      mem_total: 114800 * 1024,
      mem_available: 66460 * 1024,
      mem_used: (114800 - 66460) * 1024,
    });
  });
});
