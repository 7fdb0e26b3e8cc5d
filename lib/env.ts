import { z } from "zod";

const emptyAsUndefined = (v: unknown) => (v === "" ? undefined : v);

const MIB = 1024 * 1024;

/** A positive whole number from the environment, with a default when unset or empty. */
const limit = (fallback: number) =>
  z.preprocess(emptyAsUndefined, z.coerce.number().int().positive().default(fallback));

const envSchema = z.object({
  /** SQLite file. Relative paths resolve against the working directory (the repo root for npm scripts). */
  HVSCOPE_DB: z.preprocess(emptyAsUndefined, z.string().default("data/hvscope.db")),
  /** `postgres://…` or `postgresql://…`: the CLIs use that PostgreSQL database instead (README, "Team server"). */
  DATABASE_URL: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, "expected a postgres:// or postgresql:// URL")
      .optional(),
  ),
  /**
   * Connections each app server process keeps on PostgreSQL (db/app-db.ts); instances × this must
   * fit under the server's max_connections with the CLIs' (docs/deploy.md, "Connections").
   */
  HVSCOPE_PG_POOL_SIZE: limit(8),
  /** Limits of `POST /api/imports` (README, "Uploading results"; decision 015). */
  HVSCOPE_UPLOAD_MAX_REQUEST_BYTES: limit(64 * MIB),
  HVSCOPE_UPLOAD_MAX_FILE_BYTES: limit(16 * MIB),
  HVSCOPE_UPLOAD_MAX_FILES: limit(5000),
  HVSCOPE_UPLOAD_MAX_UNPACKED_BYTES: limit(256 * MIB),
  /** Uploads per token per minute, counted in this server process's memory. */
  HVSCOPE_UPLOAD_PER_MINUTE: limit(30),
  /**
   * Host summaries a server process keeps (db/queries/series.ts), in MiB: least recently used go
   * first. About 0.35 MB per host of 5,800 series (docs/decisions/019-bounded-synthesis-inputs.md).
   */
  HVSCOPE_SUMMARY_CACHE_MB: limit(256),
  /** The token `ingest --remote` and `bench --upload` send when no --token is given (safer than argv, which ps shows). */
  HVSCOPE_TOKEN: z.preprocess(emptyAsUndefined, z.string().optional()),
});

export type Env = z.infer<typeof envSchema>;

/** Validated environment; a bad value fails at startup with the variable's name. */
export function readEnv(source: Record<string, string | undefined> = process.env): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) throw new Error(`invalid environment:\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}
