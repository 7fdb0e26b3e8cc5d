import type { Direction } from "../units";

/**
 * How much the measured value itself changed, in percent, given its overhead (cost ratio − 1,
 * lib/overhead/ratio.ts): the same number for lower-is-better values; for higher-is-better ones
 * the inverse ratio (+493 % overhead is −83.1 % throughput). Apart from ratio.ts, which pulls in
 * jstat, because the browser formats with it (lib/format.ts).
 */
export function valueChangePct(row: { overheadPct: number; direction: Direction }): number {
  return row.direction === "lower" ? row.overheadPct : (1 / (1 + row.overheadPct / 100) - 1) * 100;
}
