import { RUNTIMES, isRuntimeId } from "./runtime-ids";
import { valueChangePct } from "./overhead/value-change";
import { UNITS, isUnit, type Direction } from "./units";

// One formatter each, made once: toLocaleString builds a new Intl.NumberFormat per call, which
// made formatting a large table a sizeable part of a filter change (docs/performance.md).
const grouped = new Intl.NumberFormat("en-US");
const fixed = [0, 1].map(
  (digits) => new Intl.NumberFormat("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits }),
);

/** U+2212, the one minus sign of every number shown (Intl writes a hyphen-minus). */
export const MINUS = "\u2212";
const withMinus = (text: string) => text.replace(/-/g, MINUS);

const number = (v: number, digits = 3) => withMinus(grouped.format(Number(v.toPrecision(digits))));

/** A value in its canonical unit, scaled for reading: `1.22 GB/s`, `130 ms`. */
export function formatValue(value: number, unit: string): string {
  if (unit === "percent") return `${number(value)} %`;
  if (unit === "count") return number(value, 4);
  if (!isUnit(unit)) return `${number(value)} ${unit}`;
  const { label, scales } = UNITS[unit];
  const [factor, scaled] = scales.find(([f]) => Math.abs(value) >= f) ?? [1, label];
  return `${number(value / factor)} ${scaled}`;
}

/** A signed percentage: `+1,672 %`, `−12.5 %`. */
export function formatPct(pct: number): string {
  const digits = Math.abs(pct) >= 100 ? 0 : 1;
  const body = fixed[digits]!.format(Math.abs(pct));
  return `${pct > 0 ? "+" : pct < 0 ? "−" : "±"}${body} %`;
}

/** `+1,500 % to +1,800 %`, or the plain statement that there is no interval. */
export function formatInterval(low: number | null, high: number | null, n: number, baselineN: number): string {
  if (low === null || high === null) return n < 2 || baselineN < 2 ? "n = 1, no interval" : "no interval";
  return `${formatPct(low)} to ${formatPct(high)}`;
}

/** An overhead said as such (cost ratio − 1; above 0 is worse): `overhead +493 %`. */
export function formatOverhead(overheadPct: number): string {
  return `overhead ${formatPct(overheadPct)}`;
}

/**
 * How a runtime changed one measured value, in the one convention of every page
 * (docs/decisions/010-one-sign-convention.md): the change of the value itself, then its overhead.
 * `received_throughput −83.1 % (overhead +493 %)`, `wall_time +35.0 % (overhead +35.0 %)`.
 */
export function formatChange(row: { metric: string; direction: Direction; overheadPct: number }): string {
  return `${row.metric} ${formatPct(valueChangePct(row))} (${formatOverhead(row.overheadPct)})`;
}

/** `Kata (QEMU) v3`, `Firecracker 0.20.0 (api)`, or the raw id of an unknown runtime. */
export function runtimeLabel(id: string, version?: string | null, variant?: string | null): string {
  const name = isRuntimeId(id) ? RUNTIMES[id].name : id;
  const v = version ? (/^\d+$/.test(version) ? ` v${version}` : ` ${version}`) : "";
  return `${name}${v}${variant ? ` (${variant})` : ""}`;
}

/** Stable key of a runtime series, used for colours and React keys. */
export function runtimeSeriesKey(id: string, version?: string | null, variant?: string | null): string {
  return [id, version ?? "", variant ?? ""].join("|");
}
