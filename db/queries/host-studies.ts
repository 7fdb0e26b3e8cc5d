import { and, eq, inArray, ne, sql } from "drizzle-orm";
import type { Db } from "../open";
import type { NewHostStudies } from "../schema";
import { isPostgres, tablesOf } from "../tables";
import type { HostSummary } from "@/lib/overhead/host-summary";
import { toOverheadRows, toSeriesStats } from "@/lib/overhead/rows";
import { decodeStudies, encodeStudies, STUDIES_FORMAT } from "@/lib/synthesis/stored-studies";
import { toStudies, type Study } from "@/lib/synthesis/studies";
import { hostKey, readHostFingerprints, type HostFingerprints } from "./host-fingerprints";
import { readDimensions, readHostSummary } from "./host-summary-read";

// No "server-only": the ingest CLI, perf:gen and db:migrate store studies ahead of the server
// (docs/decisions/019-bounded-synthesis-inputs.md).

export interface HostName {
  dataset: string;
  host: string;
}

/** A host as the synthesis pools it: its runtimes, and its studies against the references loaded. */
export interface LoadedHost extends HostName {
  runtimes: readonly string[];
  /** By reference; null when the host has no headline series of it (never measured it, or not at headline metrics). */
  against: Map<string, readonly Study[] | null>;
}

/** What one call stored and computed. */
export interface StudiesWork {
  /** Hosts whose summary was read because some of their studies were not stored. */
  computedHosts: number;
  /** Rows written (a concurrent writer's rows are kept: insert-or-ignore). */
  storedRows: number;
}

/** The fingerprint column: the studies' format version with the host's fingerprint as of their data. */
export const storedFingerprint = (fingerprint: string) => `${STUDIES_FORMAT}/${fingerprint}`;

const ALL_AT_HEADLINE = { runtimes: [], workloads: [], metric: null, baseline: "" };

/**
 * A host's studies against each reference (lib/synthesis/studies.ts toStudies over its overhead
 * rows at each workload's headline metric). The headline series are made for this call only: a
 * summary keeps what views show, not what the synthesis reads once.
 */
export function studiesFromSummary(
  summary: HostSummary,
  source: HostName,
  references: readonly string[],
): Map<string, Study[] | null> {
  const series = summary.select(ALL_AT_HEADLINE, { keep: false }).map(toSeriesStats);
  return new Map(
    references.map((reference) => [
      reference,
      series.some((s) => s.runtime === reference)
        ? toStudies(toOverheadRows(series, reference).rows, { ...source, reference })
        : null,
    ]),
  );
}

interface Options {
  /** The host's summary at the fingerprints' `asof`, for studies not stored yet. */
  readSummary: (host: HostName) => Promise<HostSummary>;
  /** Reports a failure to store (the studies are used anyway, and computed again next time). */
  log?: (line: string) => void;
  /**
   * The fingerprints are the latest data's: delete the computed hosts' rows at other fingerprints,
   * as a fill does ("Old rows" in docs/decisions/019-bounded-synthesis-inputs.md).
   */
  prune?: boolean;
}

/**
 * Loads `hosts`' studies against `references` into `into`, from stored rows at the hosts' current
 * fingerprints, with one query; a host missing some is read from its summary once, its studies
 * against every runtime it measured computed and stored (insert-or-ignore on the unique key, so
 * concurrent processes may race), so no later pooling of any baseline reads it again.
 */
export async function loadStudies(
  db: Db,
  fingerprints: HostFingerprints,
  hosts: readonly HostName[],
  references: readonly string[],
  into: Map<string, LoadedHost>,
  { readSummary, log = console.error, prune = false }: Options,
): Promise<StudiesWork> {
  const wanted = new Set(references);
  const stored = await readStoredRows(db, fingerprints, hosts, wanted);
  const work: StudiesWork = { computedHosts: 0, storedRows: 0 };
  const toStore: NewRow[] = [];
  const computed: HostName[] = [];
  for (const h of hosts) {
    const key = hostKey(h.dataset, h.host);
    const rows = stored.get(key);
    let loaded = into.get(key);
    if (!loaded && rows) into.set(key, (loaded = { ...h, runtimes: rows.runtimes, against: new Map() }));
    if (loaded) {
      for (const reference of wanted) {
        if (loaded.against.has(reference)) continue;
        if (!loaded.runtimes.includes(reference)) loaded.against.set(reference, null);
        else if (rows?.studies.has(reference)) loaded.against.set(reference, rows.studies.get(reference)!);
      }
      if ([...wanted].every((r) => loaded!.against.has(r)) && rows?.complete) continue;
    }
    // Not all stored: compute against every runtime not stored yet, so that this host is read once.
    const summary = await readSummary(h);
    if (!loaded) into.set(key, (loaded = { ...h, runtimes: summary.runtimes, against: new Map() }));
    const missing = summary.runtimes.filter((r) => !rows?.references.has(r));
    for (const [reference, studies] of studiesFromSummary(summary, h, missing)) {
      if (wanted.has(reference)) loaded.against.set(reference, studies);
      const row = newRow(fingerprints, key, summary.runtimes, reference, studies);
      if (row) toStore.push(row);
    }
    for (const reference of wanted) if (!loaded.against.has(reference)) loaded.against.set(reference, null);
    work.computedHosts++;
    computed.push(h);
    // Each host read is synchronous work; between hosts, requests waiting on the socket get a turn.
    await new Promise((resolve) => setImmediate(resolve));
  }
  try {
    work.storedRows = await insertIgnoring(db, toStore);
    if (prune) for (const h of computed) await briefWait(db, () => pruneStudies(db, fingerprints, h));
  } catch (e) {
    log(
      isBusy(e)
        ? `[studies] ${toStore.length} rows wait: another process is importing; they are stored at the next pooling`
        : `[studies] ${toStore.length} rows not stored (computed again next time): ${String(e)}`,
    );
  }
  return work;
}

/** SQLite's write lock held by another process past `briefWait`: expected while a CLI imports, not a fault. */
const isBusy = (e: unknown): boolean =>
  e instanceof Error && ((e as { code?: unknown }).code === "SQLITE_BUSY" || isBusy(e.cause));

/**
 * Stores the studies of `hosts` (every host when omitted) as of their latest data against every
 * runtime each measured, then deletes their rows at any other fingerprint
 * (docs/decisions/019-bounded-synthesis-inputs.md, "Old rows"). For the ingest CLI after an
 * import commits, perf:gen and db:migrate; each host's rows are one insert, so a killed fill
 * leaves complete rows or none, and the server computes what is missing.
 */
export async function fillStudies(
  db: Db,
  fingerprints: HostFingerprints,
  hosts: readonly HostName[] | null,
  readSummary: Options["readSummary"],
): Promise<StudiesWork & { hosts: number; prunedRows: number }> {
  const chosen =
    hosts ??
    [...fingerprints.byHost.keys()].map((key) => {
      const [dataset, host] = JSON.parse(key) as [string, string];
      return { dataset, host };
    });
  const work: StudiesWork & { hosts: number; prunedRows: number } = {
    hosts: chosen.length,
    computedHosts: 0,
    storedRows: 0,
    prunedRows: 0,
  };
  for (const h of chosen) {
    const one = await loadStudies(db, fingerprints, [h], [], new Map(), {
      readSummary,
      log: (line) => {
        throw new Error(line);
      },
    });
    work.computedHosts += one.computedHosts;
    work.storedRows += one.storedRows;
    work.prunedRows += await pruneStudies(db, fingerprints, h);
  }
  return work;
}

/**
 * `fillStudies` as of the latest data, reading what it needs itself (uncached: a CLI's PostgreSQL
 * handle has no data-version watch). `hosts` null: every host.
 */
export async function fillLatestStudies(db: Db, hosts: readonly HostName[] | null) {
  const fingerprints = await readHostFingerprints(db, null);
  const dimensions = await readDimensions(db);
  return fillStudies(db, fingerprints, hosts, (h) => readHostSummary(db, h.dataset, h.host, null, dimensions));
}

/**
 * After an import commits (the ingest CLI, on either engine): the studies of the hosts it wrote,
 * against every runtime each measured, in transactions of their own. Derived data: if this is
 * killed, the server computes what is missing.
 */
export async function storeStudiesOfImport(db: Db, importId: number) {
  return fillLatestStudies(db, await hostsOfImport(db, importId));
}

/** The dataset and host of every `import_samples` row of an import: the hosts it wrote to. */
export async function hostsOfImport(db: Db, importId: number): Promise<HostName[]> {
  const { datasets, hosts, importSamples } = tablesOf(db);
  return db
    .select({ dataset: datasets.name, host: hosts.name })
    .from(importSamples)
    .innerJoin(datasets, eq(importSamples.datasetId, datasets.id))
    .innerJoin(hosts, eq(importSamples.hostId, hosts.id))
    .where(eq(importSamples.importId, importId));
}

/** A host's stored rows at its current fingerprint: the runtimes, and the studies of the references asked for. */
interface StoredHost {
  runtimes: readonly string[];
  references: Set<string>;
  studies: Map<string, readonly Study[] | null>;
  /** Every runtime of the host has a row. */
  complete: boolean;
}

/** Fingerprints per query: far below either engine's limit on bound parameters. */
const CHUNK = 500;

async function readStoredRows(
  db: Db,
  fingerprints: HostFingerprints,
  hosts: readonly HostName[],
  wanted: ReadonlySet<string>,
): Promise<Map<string, StoredHost>> {
  const { hostStudies } = tablesOf(db);
  const byIds = new Map<string, string>();
  const current = new Set<string>();
  for (const h of hosts) {
    const key = hostKey(h.dataset, h.host);
    const ids = fingerprints.ids.get(key);
    const fingerprint = fingerprints.byHost.get(key);
    if (!ids || fingerprint === undefined) continue;
    byIds.set(`${ids.datasetId}:${ids.hostId}`, key);
    current.add(storedFingerprint(fingerprint));
  }
  const found = new Map<string, StoredHost>();
  const asked = [...wanted];
  const chunks = [...current];
  for (let i = 0; i < chunks.length; i += CHUNK) {
    const rows = await db
      .select({
        datasetId: hostStudies.datasetId,
        hostId: hostStudies.hostId,
        fingerprint: hostStudies.fingerprint,
        reference: hostStudies.reference,
        runtimesJson: hostStudies.runtimesJson,
        // Only the asked references' studies cross the wire; the other rows say which are stored.
        studiesJson:
          asked.length > 0
            ? sql<string | null>`case when ${inArray(hostStudies.reference, asked)} then ${hostStudies.studiesJson} end`
            : sql<string | null>`null`,
      })
      .from(hostStudies)
      .where(inArray(hostStudies.fingerprint, chunks.slice(i, i + CHUNK)));
    for (const row of rows) {
      const key = byIds.get(`${row.datasetId}:${row.hostId}`);
      if (!key || storedFingerprint(fingerprints.byHost.get(key)!) !== row.fingerprint) continue;
      let host = found.get(key);
      if (!host) {
        const runtimes = JSON.parse(row.runtimesJson) as string[];
        found.set(key, (host = { runtimes, references: new Set(), studies: new Map(), complete: false }));
      }
      host.references.add(row.reference);
      if (wanted.has(row.reference))
        host.studies.set(row.reference, row.studiesJson === null ? null : decodeStudies(row.studiesJson));
    }
  }
  for (const host of found.values()) host.complete = host.runtimes.every((r) => host.references.has(r));
  return found;
}

type NewRow = NewHostStudies;

function newRow(
  fingerprints: HostFingerprints,
  key: string,
  runtimes: readonly string[],
  reference: string,
  studies: readonly Study[] | null,
): NewRow | null {
  const ids = fingerprints.ids.get(key);
  const fingerprint = fingerprints.byHost.get(key);
  if (!ids || fingerprint === undefined) return null;
  return {
    ...ids,
    fingerprint: storedFingerprint(fingerprint),
    reference,
    runtimesJson: JSON.stringify(runtimes),
    studiesJson: studies && encodeStudies(studies),
  };
}

/** Rows per statement: a host's runtimes, or a few hosts'. */
const INSERT_ROWS = 100;

async function insertIgnoring(db: Db, rows: readonly NewRow[]): Promise<number> {
  const { hostStudies } = tablesOf(db);
  let stored = 0;
  for (let i = 0; i < rows.length; i += INSERT_ROWS) {
    const batch = rows.slice(i, i + INSERT_ROWS);
    const written = await briefWait(db, () =>
      db.insert(hostStudies).values(batch).onConflictDoNothing().returning({ reference: hostStudies.reference }),
    );
    stored += written.length;
  }
  return stored;
}

/**
 * On SQLite the server's connection waits up to its busy timeout for another process's import to
 * release the write lock, blocking every request meanwhile: derived rows wait a moment at most,
 * and are written next time if the lock is still held.
 */
async function briefWait<T>(db: Db, write: () => Promise<T>): Promise<T> {
  if (isPostgres(db)) return write();
  const previous = db.$client.pragma("busy_timeout", { simple: true }) as number;
  db.$client.pragma("busy_timeout = 200");
  try {
    return await write();
  } finally {
    db.$client.pragma(`busy_timeout = ${previous}`);
  }
}

/** Deletes a host's rows at any other fingerprint than its current one; returns how many. */
async function pruneStudies(db: Db, fingerprints: HostFingerprints, h: HostName): Promise<number> {
  const key = hostKey(h.dataset, h.host);
  const ids = fingerprints.ids.get(key);
  const fingerprint = fingerprints.byHost.get(key);
  if (!ids || fingerprint === undefined) return 0;
  const { hostStudies } = tablesOf(db);
  const deleted = await db
    .delete(hostStudies)
    .where(
      and(
        eq(hostStudies.datasetId, ids.datasetId),
        eq(hostStudies.hostId, ids.hostId),
        ne(hostStudies.fingerprint, storedFingerprint(fingerprint)),
      ),
    )
    .returning({ reference: hostStudies.reference });
  return deleted.length;
}
