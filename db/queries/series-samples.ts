import "server-only";
import { and, asc, eq, inArray, lte } from "drizzle-orm";
import type { Db } from "@/db/open";
import { cacheUntilDataChanges } from "@/db/queries/read-cache";
import { importsUpTo, tablesOf, type Tables } from "@/db/tables";

export interface SeriesPoint {
  seriesId: number;
  value: number;
  repetition: number;
  runId: number;
  sourceFileId: number;
}

/** Keeps IN lists well under SQLite's bound-parameter limit. */
const CHUNK = 500;

/** Where-conditions for the samples of some series as of an import, one per IN list of at most CHUNK ids. */
function* seriesSampleConditions({ samples, sourceFiles }: Tables, seriesIds: readonly number[], asof: number | null) {
  for (let i = 0; i < seriesIds.length; i += CHUNK)
    yield and(
      inArray(samples.seriesId, seriesIds.slice(i, i + CHUNK)),
      asof === null ? undefined : lte(sourceFiles.importId, importsUpTo(asof)),
    );
}

/**
 * The samples behind some series as of an import, by repetition: for views that plot each
 * repetition (absolute view, /api/samples). Overhead views read series_stats instead.
 */
export async function listSeriesSamples(
  db: Db,
  seriesIds: readonly number[],
  asof: number | null,
): Promise<SeriesPoint[]> {
  const tables = tablesOf(db);
  const { runs, samples, sourceFiles } = tables;
  const out: SeriesPoint[] = [];
  for (const where of seriesSampleConditions(tables, seriesIds, asof)) {
    const rows = await db
      .select({
        seriesId: samples.seriesId,
        value: samples.value,
        repetition: runs.repetition,
        runId: runs.id,
        sourceFileId: runs.sourceFileId,
      })
      .from(samples)
      .innerJoin(runs, eq(samples.runId, runs.id))
      .innerJoin(sourceFiles, eq(runs.sourceFileId, sourceFiles.id))
      .where(where)
      .orderBy(asc(samples.seriesId), asc(runs.repetition));
    for (const r of rows) out.push({ ...r, seriesId: r.seriesId! });
  }
  return out;
}

/**
 * The raw files behind each series as of an import, for provenance links; cached until the
 * database changes (db/queries/read-cache.ts), as the page that asks is. Treat the result as immutable.
 */
export const listSeriesSourceFiles = cacheUntilDataChanges(readSeriesSourceFiles, { maxEntries: 32 });

async function readSeriesSourceFiles(
  db: Db,
  seriesIds: readonly number[],
  asof: number | null,
): Promise<Map<number, number[]>> {
  const tables = tablesOf(db);
  const { runs, samples, sourceFiles } = tables;
  const files = new Map<number, number[]>();
  for (const where of seriesSampleConditions(tables, seriesIds, asof)) {
    const rows = await db
      .selectDistinct({ seriesId: samples.seriesId, sourceFileId: runs.sourceFileId })
      .from(samples)
      .innerJoin(runs, eq(samples.runId, runs.id))
      .innerJoin(sourceFiles, eq(runs.sourceFileId, sourceFiles.id))
      .where(where)
      .orderBy(asc(runs.sourceFileId));
    for (const r of rows) (files.get(r.seriesId!) ?? files.set(r.seriesId!, []).get(r.seriesId!)!).push(r.sourceFileId);
  }
  return files;
}

/** Groups points by series id. */
export function pointsBySeries(points: readonly SeriesPoint[]): Map<number, SeriesPoint[]> {
  const by = new Map<number, SeriesPoint[]>();
  for (const p of points) (by.get(p.seriesId) ?? by.set(p.seriesId, []).get(p.seriesId)!).push(p);
  return by;
}
