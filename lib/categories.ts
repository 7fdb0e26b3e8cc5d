/** Benchmark categories, the columns of every table: each workload has one (README, "Supported tools"). */
export const CATEGORIES = [
  "cpu",
  "memory",
  "disk",
  "network",
  "syscall",
  "startup",
  "footprint",
  "web",
  "database",
] as const;
export type Category = (typeof CATEGORIES)[number];

export function isCategory(s: string): s is Category {
  return (CATEGORIES as readonly string[]).includes(s);
}
