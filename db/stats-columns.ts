import { NO_MOMENTS, type SeriesMoments } from "@/lib/overhead/moments";
import { seriesStats } from "./schema";

/** A series_stats row's statistics columns (db/schema.ts). */
export interface StatsColumns {
  n: number;
  mean: number;
  m2: number;
  logN: number;
  logMean: number;
  logM2: number;
}

/** The statistics columns of a series_stats table (either engine's, or an alias), to select with drizzle. */
export const statsSelection = (t: typeof seriesStats) => ({
  n: t.n,
  mean: t.mean,
  m2: t.m2,
  logN: t.logN,
  logMean: t.logMean,
  logM2: t.logM2,
});

/** SQLite's statistics columns (the SQLite writer's statements). */
export const STATS_SELECTION = statsSelection(seriesStats);

export const NO_SERIES_MOMENTS: SeriesMoments = { value: NO_MOMENTS, log: NO_MOMENTS };

export function toStatsColumns(m: SeriesMoments): StatsColumns {
  return { n: m.value.n, mean: m.value.mean, m2: m.value.m2, logN: m.log.n, logMean: m.log.mean, logM2: m.log.m2 };
}

export function fromStatsColumns(c: StatsColumns): SeriesMoments {
  return { value: { n: c.n, mean: c.mean, m2: c.m2 }, log: { n: c.logN, mean: c.logMean, m2: c.logM2 } };
}
