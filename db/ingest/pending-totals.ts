import { mergeSeriesMoments, type SeriesMoments } from "@/lib/overhead/moments";

/** What one stored file adds to the running totals of its import. */
export interface FileTotals {
  importId: number;
  datasetId: number;
  hostId: number;
  samples: number;
  /** The file's samples per series, as moments. */
  series: Map<number, SeriesMoments>;
}

export interface ImportTotals {
  files: number;
  samples: number;
  series: Map<number, SeriesMoments>;
  /** Samples per (dataset, host). */
  samplesByHost: Map<string, { datasetId: number; hostId: number; samples: number }>;
}

/**
 * The totals that the files of one commit group add (series statistics, samples per dataset
 * and host, files per import), summed in memory and written once, just before the group
 * commits. The files of a group share most of their series, so this turns one upsert per
 * file and series into one per group and series. The totals still commit in the same
 * transaction as the files they count, so readers never see one without the other.
 */
export class PendingTotals {
  private readonly byImport = new Map<number, ImportTotals>();

  /** Call only once the file's own writes are in (its savepoint released). */
  add(file: FileTotals): void {
    const t =
      this.byImport.get(file.importId) ??
      this.byImport
        .set(file.importId, { files: 0, samples: 0, series: new Map(), samplesByHost: new Map() })
        .get(file.importId)!;
    t.files++;
    t.samples += file.samples;
    for (const [seriesId, moments] of file.series) {
      const known = t.series.get(seriesId);
      t.series.set(seriesId, known ? mergeSeriesMoments(known, moments) : moments);
    }
    const key = `${file.datasetId}:${file.hostId}`;
    const host =
      t.samplesByHost.get(key) ??
      t.samplesByHost.set(key, { datasetId: file.datasetId, hostId: file.hostId, samples: 0 }).get(key)!;
    host.samples += file.samples;
  }

  /** Hands over everything summed so far and starts empty. */
  take(): [importId: number, totals: ImportTotals][] {
    const all = [...this.byImport];
    this.byImport.clear();
    return all;
  }

  clear(): void {
    this.byImport.clear();
  }
}
