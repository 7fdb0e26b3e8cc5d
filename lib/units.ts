/** A canonical unit: its symbol, its default direction, and larger display units, largest first. */
interface UnitInfo {
  label: string;
  lessIsBetter: boolean;
  scales: readonly (readonly [factor: number, label: string])[];
}

/**
 * Canonical units and their default direction. Parsers convert every value to one of
 * these at ingest, so the database never mixes ms with ns or KiB/s with MB/s.
 */
export const UNITS = {
  ns: {
    label: "ns",
    lessIsBetter: true,
    scales: [
      [1e9, "s"],
      [1e6, "ms"],
      [1e3, "µs"],
    ],
  },
  bytes: {
    label: "B",
    lessIsBetter: true,
    scales: [
      [1024 ** 3, "GiB"],
      [1024 ** 2, "MiB"],
      [1024, "KiB"],
    ],
  },
  bytes_per_s: {
    label: "B/s",
    lessIsBetter: false,
    scales: [
      [1e9, "GB/s"],
      [1e6, "MB/s"],
      [1e3, "kB/s"],
    ],
  },
  ops_per_s: {
    label: "ops/s",
    lessIsBetter: false,
    scales: [
      [1e6, "M ops/s"],
      [1e3, "k ops/s"],
    ],
  },
  count: { label: "count", lessIsBetter: true, scales: [] },
  percent: { label: "%", lessIsBetter: true, scales: [] },
} as const satisfies Record<string, UnitInfo>;

export type Unit = keyof typeof UNITS;
export const UNIT_IDS = Object.keys(UNITS) as [Unit, ...Unit[]];

export const DIRECTIONS = ["higher", "lower"] as const;
export type Direction = (typeof DIRECTIONS)[number];

export function isUnit(s: string): s is Unit {
  return Object.hasOwn(UNITS, s);
}

export function defaultDirection(unit: Unit): Direction {
  return UNITS[unit].lessIsBetter ? "lower" : "higher";
}

/**
 * Units as tools and manifests write them, with the factor to the canonical unit.
 * `kB`/`KB` follow the Linux procfs and ps convention (1 kB = 1024 B), which is what
 * every memory-footprint source we read uses; decimal megabytes are spelled `MB`.
 */
export const SOURCE_UNITS = {
  ns: { unit: "ns", factor: 1 },
  us: { unit: "ns", factor: 1e3 },
  ms: { unit: "ns", factor: 1e6 },
  s: { unit: "ns", factor: 1e9 },
  B: { unit: "bytes", factor: 1 },
  kB: { unit: "bytes", factor: 1024 },
  KB: { unit: "bytes", factor: 1024 },
  KiB: { unit: "bytes", factor: 1024 },
  MiB: { unit: "bytes", factor: 1024 ** 2 },
  GiB: { unit: "bytes", factor: 1024 ** 3 },
  MB: { unit: "bytes", factor: 1e6 },
  GB: { unit: "bytes", factor: 1e9 },
  "B/s": { unit: "bytes_per_s", factor: 1 },
  "KiB/s": { unit: "bytes_per_s", factor: 1024 },
  "MiB/s": { unit: "bytes_per_s", factor: 1024 ** 2 },
  "GiB/s": { unit: "bytes_per_s", factor: 1024 ** 3 },
  "kB/s": { unit: "bytes_per_s", factor: 1e3 },
  "MB/s": { unit: "bytes_per_s", factor: 1e6 },
  "GB/s": { unit: "bytes_per_s", factor: 1e9 },
  "bit/s": { unit: "bytes_per_s", factor: 1 / 8 },
  "Kbit/s": { unit: "bytes_per_s", factor: 1e3 / 8 },
  "Mbit/s": { unit: "bytes_per_s", factor: 1e6 / 8 },
  "Gbit/s": { unit: "bytes_per_s", factor: 1e9 / 8 },
  "ops/s": { unit: "ops_per_s", factor: 1 },
  count: { unit: "count", factor: 1 },
  "%": { unit: "percent", factor: 1 },
  // Canonical ids too, so hvscope's own exports re-import unchanged.
  bytes: { unit: "bytes", factor: 1 },
  bytes_per_s: { unit: "bytes_per_s", factor: 1 },
  ops_per_s: { unit: "ops_per_s", factor: 1 },
  percent: { unit: "percent", factor: 1 },
} as const satisfies Record<string, { unit: Unit; factor: number }>;

export type SourceUnit = keyof typeof SOURCE_UNITS;
export const SOURCE_UNIT_IDS = Object.keys(SOURCE_UNITS) as [SourceUnit, ...SourceUnit[]];

export function isSourceUnit(s: string): s is SourceUnit {
  return Object.hasOwn(SOURCE_UNITS, s);
}

/** Converts a value in a tool's unit to the canonical unit. */
export function toCanonical(value: number, from: SourceUnit): { value: number; unit: Unit } {
  const { unit, factor } = SOURCE_UNITS[from];
  return { value: value * factor, unit };
}
