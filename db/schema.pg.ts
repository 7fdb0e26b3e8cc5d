import {
  boolean,
  customType,
  doublePrecision,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  type AnyPgColumn,
} from "drizzle-orm/pg-core";
import { CATEGORIES } from "@/lib/categories";
import { TOOL_IDS } from "@/lib/parsers/types";
import { DIRECTIONS, UNIT_IDS } from "@/lib/units";

/*
 * The PostgreSQL twin of db/schema.ts: the same tables, column names and TypeScript types, so
 * every query builder works on both (docs/decisions/017-postgresql-store.md). The comments on
 * what each table means live in db/schema.ts; db/schema-twins.test.ts fails when the two drift.
 * Mapped types: real -> double precision, integer timestamp -> timestamptz, integer boolean ->
 * boolean, blob -> bytea.
 */

/** drizzle 0.45 has no bytea column; raw files are Buffers on both dialects. */
const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => "bytea" });
const id = () => integer("id").primaryKey().generatedByDefaultAsIdentity();
const requiredId = (name: string, target: () => AnyPgColumn) => integer(name).notNull().references(target);
const runtimeRef = () =>
  text("runtime_id")
    .notNull()
    .references(() => runtimes.id);
const at = (name: string) => timestamp(name, { withTimezone: true });

export const imports = pgTable("imports", {
  id: id(),
  startedAt: at("started_at").notNull(),
  finishedAt: at("finished_at"),
  argv: text("argv").notNull(),
  filesTotal: integer("files_total").notNull().default(0),
  filesImported: integer("files_imported").notNull().default(0),
  filesSkipped: integer("files_skipped").notNull().default(0),
  filesFailed: integer("files_failed").notNull().default(0),
  samples: integer("samples").notNull().default(0),
});

export const datasets = pgTable("datasets", {
  id: id(),
  name: text("name").notNull().unique(),
  description: text("description"),
  sourceUrl: text("source_url"),
});

export const hosts = pgTable("hosts", {
  id: id(),
  name: text("name").notNull().unique(),
  kernel: text("kernel"),
  cpuModel: text("cpu_model"),
  cpuCount: integer("cpu_count"),
  memoryBytes: doublePrecision("memory_bytes"),
  os: text("os"),
  virtualization: text("virtualization"),
});

export const runtimes = pgTable("runtimes", {
  id: text("id").primaryKey(),
  known: boolean("known").notNull(),
});

export const workloads = pgTable(
  "workloads",
  {
    id: id(),
    tool: text("tool", { enum: TOOL_IDS }).notNull(),
    name: text("name").notNull(),
    category: text("category", { enum: CATEGORIES }).notNull(),
    paramsJson: text("params_json").notNull(),
  },
  (t) => [uniqueIndex("workloads_tool_name").on(t.tool, t.name), index("workloads_category").on(t.category)],
);

export const metrics = pgTable(
  "metrics",
  {
    id: id(),
    name: text("name").notNull(),
    unit: text("unit", { enum: UNIT_IDS }).notNull(),
    direction: text("direction", { enum: DIRECTIONS }).notNull(),
  },
  (t) => [uniqueIndex("metrics_name_unit").on(t.name, t.unit)],
);

export const sourceFiles = pgTable(
  "source_files",
  {
    id: id(),
    importId: requiredId("import_id", () => imports.id),
    datasetId: requiredId("dataset_id", () => datasets.id),
    path: text("path").notNull(),
    sha256: text("sha256").notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    parserId: text("parser_id", { enum: TOOL_IDS }).notNull(),
    parserVersion: integer("parser_version").notNull(),
    sampleCount: integer("sample_count").notNull().default(0),
    contentDeflate: bytea("content_deflate").notNull(),
  },
  (t) => [
    uniqueIndex("source_files_dataset_sha").on(t.datasetId, t.sha256),
    index("source_files_import").on(t.importId),
  ],
);

export const runs = pgTable(
  "runs",
  {
    id: id(),
    sourceFileId: requiredId("source_file_id", () => sourceFiles.id),
    datasetId: requiredId("dataset_id", () => datasets.id),
    hostId: requiredId("host_id", () => hosts.id),
    runtimeId: runtimeRef(),
    runtimeLabel: text("runtime_label").notNull(),
    runtimeVersion: text("runtime_version"),
    runtimeVariant: text("runtime_variant"),
    workloadId: requiredId("workload_id", () => workloads.id),
    repetition: integer("repetition").notNull(),
    tool: text("tool", { enum: TOOL_IDS }).notNull(),
    toolVersion: text("tool_version"),
    command: text("command"),
    startedAt: at("started_at"),
  },
  (t) => [
    index("runs_selection").on(t.datasetId, t.hostId, t.runtimeId, t.workloadId),
    index("runs_source_file").on(t.sourceFileId),
  ],
);

export const series = pgTable(
  "series",
  {
    id: id(),
    datasetId: requiredId("dataset_id", () => datasets.id),
    hostId: requiredId("host_id", () => hosts.id),
    runtimeId: runtimeRef(),
    runtimeVersion: text("runtime_version"),
    runtimeVariant: text("runtime_variant"),
    workloadId: requiredId("workload_id", () => workloads.id),
    metricId: requiredId("metric_id", () => metrics.id),
  },
  (t) => [index("series_identity").on(t.datasetId, t.hostId, t.workloadId, t.metricId, t.runtimeId)],
);

export const seriesStats = pgTable(
  "series_stats",
  {
    seriesId: requiredId("series_id", () => series.id),
    importId: requiredId("import_id", () => imports.id),
    n: integer("n").notNull(),
    mean: doublePrecision("mean").notNull(),
    m2: doublePrecision("m2").notNull(),
    logN: integer("log_n").notNull(),
    logMean: doublePrecision("log_mean").notNull(),
    logM2: doublePrecision("log_m2").notNull(),
  },
  (t) => [primaryKey({ columns: [t.seriesId, t.importId] })],
);

export const importSamples = pgTable(
  "import_samples",
  {
    datasetId: requiredId("dataset_id", () => datasets.id),
    hostId: requiredId("host_id", () => hosts.id),
    importId: requiredId("import_id", () => imports.id),
    samples: integer("samples").notNull(),
  },
  (t) => [primaryKey({ columns: [t.datasetId, t.hostId, t.importId] })],
);

export const samples = pgTable(
  "samples",
  {
    id: id(),
    runId: requiredId("run_id", () => runs.id),
    metricId: requiredId("metric_id", () => metrics.id),
    seriesId: integer("series_id").references(() => series.id),
    value: doublePrecision("value").notNull(),
  },
  (t) => [index("samples_run").on(t.runId), index("samples_series").on(t.seriesId)],
);

export const shortLinks = pgTable("short_links", {
  id: text("id").primaryKey(),
  path: text("path").notNull().unique(),
  asof: integer("asof").notNull(),
  createdAt: at("created_at").notNull(),
});

export const uploadTokens = pgTable("upload_tokens", {
  id: id(),
  name: text("name").notNull().unique(),
  hash: text("hash").notNull().unique(),
  datasetPattern: text("dataset_pattern"),
  createdAt: at("created_at").notNull(),
});

export const hostStudies = pgTable(
  "host_studies",
  {
    datasetId: requiredId("dataset_id", () => datasets.id),
    hostId: requiredId("host_id", () => hosts.id),
    fingerprint: text("fingerprint").notNull(),
    reference: text("reference")
      .notNull()
      .references(() => runtimes.id),
    runtimesJson: text("runtimes_json").notNull(),
    studiesJson: text("studies_json"),
  },
  (t) => [uniqueIndex("host_studies_key").on(t.datasetId, t.hostId, t.fingerprint, t.reference)],
);
