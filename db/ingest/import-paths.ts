import type { OpenDb } from "../open";
import { DryRunRollback, emptySummary, importFiles } from "./import-files";
import type { ImportOptions, ImportSummary } from "./import-types";
import { withTransaction } from "./transaction";
import { IngestWriter } from "./writer";

/**
 * Imports files and folders into SQLite (db/ingest/import-files.ts), each file in its own
 * transaction. A dry run does all of it inside one outer transaction that is rolled back.
 */
export async function importPaths(conn: OpenDb, paths: string[], options: ImportOptions = {}): Promise<ImportSummary> {
  const summary = emptySummary();
  const work = () => importFiles(new IngestWriter(conn), paths, options, summary);
  if (!options.dryRun) await work();
  else
    await withTransaction(conn, async () => {
      await work();
      throw new DryRunRollback();
    }).catch((e) => {
      if (!(e instanceof DryRunRollback)) throw e;
      delete summary.importId;
    });
  return summary;
}
