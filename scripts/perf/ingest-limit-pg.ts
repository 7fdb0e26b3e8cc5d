import pg from "pg";
import { readAndParse } from "./ingest-limit";

/** As many rows per INSERT as the real PostgreSQL writer sends (db/ingest/pg/dimensions.ts). */
export const LIMIT_ROWS_PER_INSERT = 1000;

export interface LimitInsert {
  text: string;
  values: (number | string)[];
}

/** One file's samples as multi-row INSERTs of at most `rowsPerInsert` rows into the bare table. */
export function sampleInserts(
  file: number,
  samples: readonly { metric: string; value: number }[],
  rowsPerInsert = LIMIT_ROWS_PER_INSERT,
): LimitInsert[] {
  if (!Number.isInteger(rowsPerInsert) || rowsPerInsert < 1)
    throw new Error(`rowsPerInsert must be a positive whole number, got ${rowsPerInsert}`);
  const inserts: LimitInsert[] = [];
  for (let start = 0; start < samples.length; start += rowsPerInsert) {
    const chunk = samples.slice(start, start + rowsPerInsert);
    const tuples = chunk.map((_, i) => `($${3 * i + 1}, $${3 * i + 2}, $${3 * i + 3})`);
    inserts.push({
      text: `INSERT INTO samples (file, metric, value) VALUES ${tuples.join(", ")}`,
      values: chunk.flatMap((s) => [file, s.metric, s.value]),
    });
  }
  return inserts;
}

/**
 * The ceiling for ingestion into PostgreSQL, as scripts/perf/ingest-limit.ts is for SQLite: read
 * each file, detect and parse it with the same parser registry, and insert its samples into a bare
 * table with multi-row INSERTs on one connection, one transaction per file (no labels, dimensions,
 * provenance or ORM). `url` names an empty database; the server's own durability settings apply
 * to both loops alike.
 */
export async function limitIngestPg(
  url: string,
  files: readonly string[],
): Promise<{ files: number; samples: number; seconds: number }> {
  const client = new pg.Client({ connectionString: url });
  // A lost connection fails the query in flight, which throws here; unhandled, its error event would end the process.
  client.on("error", () => {});
  await client.connect();
  try {
    await client.query(
      "CREATE TABLE samples (file integer NOT NULL, metric text NOT NULL, value double precision NOT NULL)",
    );
    let samples = 0;
    const started = performance.now();
    for (const [i, path] of files.entries()) {
      const parsed = readAndParse(path);
      await client.query("BEGIN");
      try {
        for (const insert of sampleInserts(i, parsed)) await client.query(insert);
        await client.query("COMMIT");
      } catch (e) {
        await client.query("ROLLBACK");
        throw e;
      }
      samples += parsed.length;
    }
    return { files: files.length, samples, seconds: (performance.now() - started) / 1000 };
  } finally {
    await client.end();
  }
}
