import {
  blob,
  index,
  integer,
  primaryKey,
  real,
  sqliteTable,
  text,
  uniqueIndex,
  type AnySQLiteColumn,
} from "drizzle-orm/sqlite-core";
import { CATEGORIES } from "@/lib/categories";
import { TOOL_IDS } from "@/lib/parsers/types";
import { DIRECTIONS, UNIT_IDS } from "@/lib/units";

/** A required reference to another table's integer id. */
const requiredId = (name: string, target: () => AnySQLiteColumn) => integer(name).notNull().references(target);
/** A required reference to a canonical runtime id (or an unknown name kept as seen). */
const runtimeRef = () =>
  text("runtime_id")
    .notNull()
    .references(() => runtimes.id);

/** One row per ingest invocation; views pin "as of" an import id (source_files.import_id <= asof). */
export const imports = sqliteTable("imports", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  startedAt: integer("started_at", { mode: "timestamp" }).notNull(),
  finishedAt: integer("finished_at", { mode: "timestamp" }),
  argv: text("argv").notNull(),
  filesTotal: integer("files_total").notNull().default(0),
  filesImported: integer("files_imported").notNull().default(0),
  filesSkipped: integer("files_skipped").notNull().default(0),
  filesFailed: integer("files_failed").notNull().default(0),
  samples: integer("samples").notNull().default(0),
});

export const datasets = sqliteTable("datasets", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  name: text("name").notNull().unique(),
  description: text("description"),
  sourceUrl: text("source_url"),
});

/** System info is whatever the data captured; every field may be unknown. */
export const hosts = sqliteTable("hosts", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  name: text("name").notNull().unique(),
  kernel: text("kernel"),
  cpuModel: text("cpu_model"),
  cpuCount: integer("cpu_count"),
  memoryBytes: real("memory_bytes"),
  os: text("os"),
  /** `VM (kvm)`, `bare metal (...)`: a baseline without a sandbox is only bare metal on the latter. */
  virtualization: text("virtualization"),
});

/** Canonical ids from lib/runtime-ids.ts, plus unknown names kept as seen (`known` = false). */
export const runtimes = sqliteTable("runtimes", {
  id: text("id").primaryKey(),
  known: integer("known", { mode: "boolean" }).notNull(),
});

export const workloads = sqliteTable(
  "workloads",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    tool: text("tool", { enum: TOOL_IDS }).notNull(),
    name: text("name").notNull(),
    category: text("category", { enum: CATEGORIES }).notNull(),
    /** JSON object of the parameters that define the workload (fio rw, bs, iodepth...). */
    paramsJson: text("params_json").notNull(),
  },
  (t) => [uniqueIndex("workloads_tool_name").on(t.tool, t.name), index("workloads_category").on(t.category)],
);

export const metrics = sqliteTable(
  "metrics",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    name: text("name").notNull(),
    unit: text("unit", { enum: UNIT_IDS }).notNull(),
    direction: text("direction", { enum: DIRECTIONS }).notNull(),
  },
  (t) => [uniqueIndex("metrics_name_unit").on(t.name, t.unit)],
);

/** A raw file as ingested. Its bytes are kept so provenance can show them and re-parse them. */
export const sourceFiles = sqliteTable(
  "source_files",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    importId: requiredId("import_id", () => imports.id),
    datasetId: requiredId("dataset_id", () => datasets.id),
    /** As given to ingest, relative to the folder ingested. */
    path: text("path").notNull(),
    sha256: text("sha256").notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    parserId: text("parser_id", { enum: TOOL_IDS }).notNull(),
    parserVersion: integer("parser_version").notNull(),
    /** Samples stored from this file. */
    sampleCount: integer("sample_count").notNull().default(0),
    /** The file's bytes, raw-deflated (db/content.ts). */
    contentDeflate: blob("content_deflate", { mode: "buffer" }).notNull(),
  },
  // Same bytes in the same dataset are the same file: re-ingest is a no-op.
  (t) => [
    uniqueIndex("source_files_dataset_sha").on(t.datasetId, t.sha256),
    index("source_files_import").on(t.importId),
  ],
);

/** One repetition of one workload under one runtime on one host. */
export const runs = sqliteTable(
  "runs",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    sourceFileId: requiredId("source_file_id", () => sourceFiles.id),
    datasetId: requiredId("dataset_id", () => datasets.id),
    hostId: requiredId("host_id", () => hosts.id),
    runtimeId: runtimeRef(),
    /** The name as written in the data or path (`fc-api`, `io.containerd.kata.v2-kata3-qemu`). */
    runtimeLabel: text("runtime_label").notNull(),
    runtimeVersion: text("runtime_version"),
    runtimeVariant: text("runtime_variant"),
    workloadId: requiredId("workload_id", () => workloads.id),
    /** 1-based, counted per (dataset, host, runtime, version, variant, workload). */
    repetition: integer("repetition").notNull(),
    tool: text("tool", { enum: TOOL_IDS }).notNull(),
    toolVersion: text("tool_version"),
    command: text("command"),
    startedAt: integer("started_at", { mode: "timestamp" }),
  },
  (t) => [
    index("runs_selection").on(t.datasetId, t.hostId, t.runtimeId, t.workloadId),
    index("runs_source_file").on(t.sourceFileId),
  ],
);

/**
 * What views compare: one runtime configuration (id, version, variant) on one workload and
 * metric, on one host of one dataset. Created at ingest with the first sample.
 */
export const series = sqliteTable(
  "series",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    datasetId: requiredId("dataset_id", () => datasets.id),
    hostId: requiredId("host_id", () => hosts.id),
    runtimeId: runtimeRef(),
    runtimeVersion: text("runtime_version"),
    runtimeVariant: text("runtime_variant"),
    workloadId: requiredId("workload_id", () => workloads.id),
    metricId: requiredId("metric_id", () => metrics.id),
  },
  // Not unique: version and variant may be null (NULLs never collide in a unique index). The
  // writer looks a series up inside the file's write transaction, so there is one per identity.
  (t) => [index("series_identity").on(t.datasetId, t.hostId, t.workloadId, t.metricId, t.runtimeId)],
);

/**
 * A series' statistics as of an import: the moments (lib/overhead/moments.ts) of every sample stored by
 * that import or an earlier one. One row per import that added samples to the series, so a
 * view pinned to `asof` reads the newest row at or before it instead of the samples.
 */
export const seriesStats = sqliteTable(
  "series_stats",
  {
    seriesId: requiredId("series_id", () => series.id),
    importId: requiredId("import_id", () => imports.id),
    n: integer("n").notNull(),
    mean: real("mean").notNull(),
    m2: real("m2").notNull(),
    /** Moments of ln(value) over the positive values; logN < n means a value was zero or negative. */
    logN: integer("log_n").notNull(),
    logMean: real("log_mean").notNull(),
    logM2: real("log_m2").notNull(),
  },
  (t) => [primaryKey({ columns: [t.seriesId, t.importId] })],
);

/**
 * Samples each import stored per dataset and host: dataset totals and a dataset's hosts as of
 * an import, without a scan of the samples.
 */
export const importSamples = sqliteTable(
  "import_samples",
  {
    datasetId: requiredId("dataset_id", () => datasets.id),
    hostId: requiredId("host_id", () => hosts.id),
    importId: requiredId("import_id", () => imports.id),
    samples: integer("samples").notNull(),
  },
  (t) => [primaryKey({ columns: [t.datasetId, t.hostId, t.importId] })],
);

export const samples = sqliteTable(
  "samples",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    runId: requiredId("run_id", () => runs.id),
    metricId: requiredId("metric_id", () => metrics.id),
    /**
     * Always set by ingest; null only in an older database until migration 0002
     * (db/migrations/0002_series-stats.sql) backfills it.
     */
    seriesId: integer("series_id").references(() => series.id),
    /** In the metric's canonical unit. */
    value: real("value").notNull(),
  },
  (t) => [index("samples_run").on(t.runId), index("samples_series").on(t.seriesId)],
);

/**
 * A short link (`/s/ID`): an immutable record of one full permalink with `asof` pinned. The id is
 * derived from the path's hash, so the same permalink always gets the same id (decision 014).
 * `asof` is no foreign key: the import may be removed later, and the link must then say so.
 */
export const shortLinks = sqliteTable("short_links", {
  id: text("id").primaryKey(),
  path: text("path").notNull().unique(),
  asof: integer("asof").notNull(),
  createdAt: integer("created_at", { mode: "timestamp" }).notNull(),
});

/**
 * A host's synthesis studies against one reference runtime (lib/synthesis/studies.ts), stored so
 * that pooling the synthesis reads a few rows per host instead of every host's series. Derived
 * data, keyed by the host's fingerprint (db/queries/host-fingerprints.ts): a row never goes stale,
 * it only stops being read (docs/decisions/019-bounded-synthesis-inputs.md).
 */
export const hostStudies = sqliteTable(
  "host_studies",
  {
    datasetId: requiredId("dataset_id", () => datasets.id),
    hostId: requiredId("host_id", () => hosts.id),
    /** The host's fingerprint as of the studies' data, prefixed with the studies' format version. */
    fingerprint: text("fingerprint").notNull(),
    reference: text("reference")
      .notNull()
      .references(() => runtimes.id),
    /** JSON array of the host's runtime ids, in the host summary's order. */
    runtimesJson: text("runtimes_json").notNull(),
    /** JSON array of studies (lib/synthesis/stored-studies.ts); null: the host has no series of `reference`. */
    studiesJson: text("studies_json"),
  },
  (t) => [uniqueIndex("host_studies_key").on(t.datasetId, t.hostId, t.fingerprint, t.reference)],
);

export type Import = typeof imports.$inferSelect;
export type NewImport = typeof imports.$inferInsert;
export type Dataset = typeof datasets.$inferSelect;
export type NewDataset = typeof datasets.$inferInsert;
export type Host = typeof hosts.$inferSelect;
export type NewHost = typeof hosts.$inferInsert;
export type Runtime = typeof runtimes.$inferSelect;
export type Workload = typeof workloads.$inferSelect;
export type NewWorkload = typeof workloads.$inferInsert;
export type Metric = typeof metrics.$inferSelect;
export type NewMetric = typeof metrics.$inferInsert;
export type SourceFile = typeof sourceFiles.$inferSelect;
export type NewSourceFile = typeof sourceFiles.$inferInsert;
export type Run = typeof runs.$inferSelect;
export type NewRun = typeof runs.$inferInsert;
export type Sample = typeof samples.$inferSelect;
export type NewSample = typeof samples.$inferInsert;
export type ShortLink = typeof shortLinks.$inferSelect;
export type NewShortLink = typeof shortLinks.$inferInsert;

/**
 * A token allowed to upload through `POST /api/imports` (decision 015). Only the SHA-256 of the
 * token is stored: the token itself is printed once by `npm run token -- create`. A token may be
 * limited to datasets matching a glob; revoking deletes the row.
 */
export const uploadTokens = sqliteTable("upload_tokens", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  name: text("name").notNull().unique(),
  /** Hex SHA-256 of the token. */
  hash: text("hash").notNull().unique(),
  /** Glob (`*`, `?`) the uploaded datasets must match; null: any dataset. */
  datasetPattern: text("dataset_pattern"),
  createdAt: integer("created_at", { mode: "timestamp" }).notNull(),
});

export type UploadToken = typeof uploadTokens.$inferSelect;
export type HostStudies = typeof hostStudies.$inferSelect;
export type NewHostStudies = typeof hostStudies.$inferInsert;
