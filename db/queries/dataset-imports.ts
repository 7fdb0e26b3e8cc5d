import { and, eq, lte, max, min } from "drizzle-orm";
import type { Db } from "@/db/open";
import { importsUpTo, tablesOf } from "@/db/tables";

/** When the dataset's files were first and last stored, up to an import (null: the latest). */
export async function datasetImportSpan(
  db: Db,
  dataset: string,
  asof: number | null,
): Promise<{ first: Date | null; last: Date | null }> {
  const { datasets, imports, sourceFiles } = tablesOf(db);
  const [row] = await db
    .select({ first: min(imports.startedAt), last: max(imports.startedAt) })
    .from(sourceFiles)
    .innerJoin(datasets, eq(datasets.id, sourceFiles.datasetId))
    .innerJoin(imports, eq(imports.id, sourceFiles.importId))
    .where(and(eq(datasets.name, dataset), asof === null ? undefined : lte(sourceFiles.importId, importsUpTo(asof))));
  return { first: row?.first ?? null, last: row?.last ?? null };
}
