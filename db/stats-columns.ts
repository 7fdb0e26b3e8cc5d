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

/** The statistics columns, to select with drizzle. */
export const STATS_SELECTION = {
  n: seriesStats.n,
  mean: seriesStats.mean,
  m2: seriesStats.m2,
  logN: seriesStats.logN,
  logMean: seriesStats.logMean,
  logM2: seriesStats.logM2,
};

export const NO_SERIES_MOMENTS: SeriesMoments = { value: NO_MOMENTS, log: NO_MOMENTS };

export function toStatsColumns(m: SeriesMoments): StatsColumns {
  return { n: m.value.n, mean: m.value.mean, m2: m.value.m2, logN: m.log.n, logMean: m.log.mean, logM2: m.log.m2 };
}

export function fromStatsColumns(c: StatsColumns): SeriesMoments {
  return { value: { n: c.n, mean: c.mean, m2: c.m2 }, log: { n: c.logN, mean: c.logMean, m2: c.logM2 } };
}
