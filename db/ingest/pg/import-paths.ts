import type { OpenPgDb } from "../../open-pg";
import { DryRunRollback, emptySummary, importFiles } from "../import-files";
import type { ImportOptions, ImportSummary } from "../import-types";
import { PgFileWriter } from "./writer";

/**
 * Imports files and folders into PostgreSQL (db/ingest/import-files.ts) on one connection of
 * the pool, each file in its own transaction. A dry run does all of it inside one outer
 * transaction that is rolled back.
 */
export async function importPathsPg(
  conn: OpenPgDb,
  paths: string[],
  options: ImportOptions = {},
): Promise<ImportSummary> {
  const summary = emptySummary();
  const client = await conn.pool.connect();
  try {
    const writer = new PgFileWriter(client);
    const work = () => importFiles(writer, paths, options, summary);
    if (!options.dryRun) await work();
    else
      await writer
        .transaction(async () => {
          await work();
          throw new DryRunRollback();
        })
        .catch((e) => {
          if (!(e instanceof DryRunRollback)) throw e;
          delete summary.importId;
        });
  } finally {
    client.release();
  }
  return summary;
}
