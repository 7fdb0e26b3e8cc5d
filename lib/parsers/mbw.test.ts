import { describe, expect, it } from "vitest";
import { describeFixtureCases, parseFixture, sampleValues } from "./__test__/fixture-cases";
import { mbwParser as parser } from "./mbw";
import type { ParseResult } from "./types";

const MiB = 1024 ** 2;

const parse = (name: string) => parseFixture(parser, "mbw", name);

// Copy values copied from the fixture text (MiB/s), AVG lines excluded; `#n` is the iteration.
const GOOD: [string, Record<string, number>][] = [
  [
    "n3-64MiB.txt",
    {
      "mbw memcpy size=64MiB bandwidth#0": 13725.07,
      "mbw memcpy size=64MiB bandwidth#1": 13634.427,
      "mbw memcpy size=64MiB bandwidth#2": 11991.756,
      "mbw dumb size=64MiB bandwidth#0": 11996.251,
      "mbw dumb size=64MiB bandwidth#1": 11198.6,
      "mbw dumb size=64MiB bandwidth#2": 13231.342,
      "mbw mcblock size=64MiB bs=262144 bandwidth#0": 20125.786,
      "mbw mcblock size=64MiB bs=262144 bandwidth#1": 18740.849,
      "mbw mcblock size=64MiB bs=262144 bandwidth#2": 18784.855,
    },
  ],
  [
    "quiet-mcblock-b65536-32MiB.txt",
    {
      "mbw mcblock size=32MiB bandwidth#0": 18968.583,
      "mbw mcblock size=32MiB bandwidth#1": 22008.253,
      "mbw mcblock size=32MiB bandwidth#2": 28622.54,
    },
  ],
  [
    "no-avg-memcpy-dumb-16MiB.txt",
    {
      "mbw memcpy size=16MiB bandwidth#0": 13245.033,
      "mbw memcpy size=16MiB bandwidth#1": 15340.364,
      "mbw dumb size=16MiB bandwidth#0": 17167.382,
      "mbw dumb size=16MiB bandwidth#1": 15488.867,
    },
  ],
  // A shell loop's runs: each run's iterations number on from the runs before of the same workload.
  [
    "loop-8-16MiB.txt",
    {
      "mbw memcpy size=8MiB bandwidth#0": 9227.22,
      "mbw memcpy size=8MiB bandwidth#1": 11004.127,
      "mbw memcpy size=16MiB bandwidth#0": 9852.217,
      "mbw memcpy size=16MiB bandwidth#1": 10018.785,
    },
  ],
  [
    "loop-same-8MiB.txt",
    {
      "mbw memcpy size=8MiB bandwidth#0": 8879.023,
      "mbw memcpy size=8MiB bandwidth#1": 12288.786,
      "mbw memcpy size=8MiB bandwidth#2": 11004.127,
      "mbw memcpy size=8MiB bandwidth#3": 11173.184,
    },
  ],
];

const BROKEN: [string, string][] = [
  [
    "loop-quiet-8MiB.txt",
    "line 4: iteration 0 of mbw memcpy size=8MiB appears twice: several quiet (-q) runs appended? Without -q each run's header separates them",
  ],
  [
    "truncated-mid-line.txt",
    "line 9: incomplete result line (expected '<n>\\tMethod: ...\\tElapsed: ...\\tMiB: ...\\tCopy: <x> MiB/s')",
  ],
  ["truncated-missing-runs.txt", "DUMB has 2 of the 3 runs announced by 'Doing 3 runs per test' (output cut short?)"],
  ["empty.txt", "empty input"],
  ["wrong-tool-ping.txt", "no mbw result lines ('<n>\\tMethod: ...\\tCopy: <x> MiB/s') found"],
];

/** Every iteration is there, and no AVG line. */
function readsEveryIteration(result: ParseResult, [, expectedMiBs]: readonly [string, Record<string, number>]) {
  const got = sampleValues(result);
  expect(Object.keys(got).sort()).toEqual(Object.keys(expectedMiBs).sort());
  for (const [key, mibs] of Object.entries(expectedMiBs)) expect(got[key], key).toBeCloseTo(mibs * MiB, 0);
}

describe("mbw parser", () => {
  describeFixtureCases({ parser, tool: "mbw", good: GOOD, read: readsEveryIteration, broken: BROKEN });

  it("emits bytes_per_s bandwidth samples in the memory category with method and sizes as params", () => {
    const samples = parse("n3-64MiB.txt").samples;
    expect(samples).toHaveLength(9);
    expect(new Set(samples.map((s) => `${s.metric} ${s.unit} ${s.workload.category}`))).toEqual(
      new Set(["bandwidth bytes_per_s memory"]),
    );
    expect(samples[0]?.direction).toBeUndefined();
    expect(samples[0]?.workload.params).toEqual({ method: "memcpy", array_size: 64 * MiB });
    expect(samples[8]?.workload.params).toEqual({ method: "mcblock", array_size: 64 * MiB, block_size: 262144 });
    expect(parse("n3-64MiB.txt").toolVersion).toBeUndefined();
  });
});
