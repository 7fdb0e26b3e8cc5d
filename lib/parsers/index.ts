import { abParser } from "./ab";
import { bashTimeParser } from "./bash-time";
import { fioParser } from "./fio/fio";
import { gnuTimeParser } from "./gnu-time";
import { hyperfineParser } from "./hyperfine";
import { iperf3Parser } from "./iperf3/iperf3";
import { mbwParser } from "./mbw";
import { meminfoParser } from "./meminfo";
import { pingParser } from "./ping";
import { pmapParser } from "./pmap";
import { psParser } from "./ps";
import { redisBenchmarkParser } from "./redis-benchmark";
import { stressNgParser } from "./stress-ng/stress-ng";
import { sysbenchParser } from "./sysbench/sysbench";
import { tableParser } from "./table";
import { tidyCsvParser } from "./tidy-csv";
import type { Parser, ToolId } from "./types";
import { wrkParser } from "./wrk";

/** Every tool has exactly one parser: `satisfies` fails the build when one is missing. */
export const parsers = {
  sysbench: sysbenchParser,
  fio: fioParser,
  iperf3: iperf3Parser,
  wrk: wrkParser,
  ab: abParser,
  "redis-benchmark": redisBenchmarkParser,
  hyperfine: hyperfineParser,
  "stress-ng": stressNgParser,
  ping: pingParser,
  ps: psParser,
  pmap: pmapParser,
  meminfo: meminfoParser,
  "gnu-time": gnuTimeParser,
  "bash-time": bashTimeParser,
  mbw: mbwParser,
  "tidy-csv": tidyCsvParser,
  table: tableParser,
} as const satisfies Record<ToolId, Parser>;

/**
 * Detection order: formats with unmistakable markers first, the permissive ones last
 * (a tidy CSV is any CSV with runtime/metric/value columns; a table is any numeric text).
 */
export const DETECTION_ORDER: readonly Parser[] = [
  fioParser,
  iperf3Parser,
  sysbenchParser,
  hyperfineParser,
  stressNgParser,
  redisBenchmarkParser,
  wrkParser,
  abParser,
  pingParser,
  mbwParser,
  gnuTimeParser,
  bashTimeParser,
  pmapParser,
  psParser,
  meminfoParser,
  tidyCsvParser,
  tableParser,
];

export function getParser(id: ToolId): Parser {
  return parsers[id];
}

/**
 * The tools whose outputs the file holds by their own markers (the permissive tidy CSV and table
 * left out): more than one is a log that several tools wrote to, which no one parser reads whole.
 */
export function toolsIn(raw: string, fileName: string): Parser[] {
  return DETECTION_ORDER.filter((p) => p !== tidyCsvParser && p !== tableParser && p.detect(raw, fileName));
}

/** The first parser whose content sniff accepts the file, if any. */
export function detectParser(raw: string, fileName: string): Parser | undefined {
  return DETECTION_ORDER.find((p) => p.detect(raw, fileName));
}
