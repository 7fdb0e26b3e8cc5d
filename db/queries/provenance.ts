import "server-only";
import { eq } from "drizzle-orm";
import { unpackContent } from "@/db/content";
import type { Db } from "@/db/open";
import { MAX_ID, tablesOf } from "@/db/tables";

export interface SourceFileDetail {
  id: number;
  path: string;
  sha256: string;
  sizeBytes: number;
  parser: string;
  parserVersion: number;
  dataset: string;
  importId: number;
  importedAt: Date;
  tool: string;
  toolVersion: string | null;
  command: string | null;
  startedAt: Date | null;
  host: {
    name: string;
    kernel: string | null;
    cpuModel: string | null;
    cpuCount: number | null;
    memoryBytes: number | null;
    os: string | null;
    virtualization: string | null;
  };
  runtimes: string[];
  content: string;
}

/** A stored raw file with everything known about how it was produced; null when the id is unknown. */
export async function getSourceFile(db: Db, id: number): Promise<SourceFileDetail | null> {
  if (id > MAX_ID) return null; // no such id, and PostgreSQL would refuse to compare it
  const { datasets, hosts, imports, runs, sourceFiles } = tablesOf(db);
  const rows = await db
    .select({
      id: sourceFiles.id,
      path: sourceFiles.path,
      sha256: sourceFiles.sha256,
      sizeBytes: sourceFiles.sizeBytes,
      parser: sourceFiles.parserId,
      parserVersion: sourceFiles.parserVersion,
      contentDeflate: sourceFiles.contentDeflate,
      dataset: datasets.name,
      importId: imports.id,
      importedAt: imports.startedAt,
      tool: runs.tool,
      toolVersion: runs.toolVersion,
      command: runs.command,
      startedAt: runs.startedAt,
      runtime: runs.runtimeId,
      host: {
        name: hosts.name,
        kernel: hosts.kernel,
        cpuModel: hosts.cpuModel,
        cpuCount: hosts.cpuCount,
        memoryBytes: hosts.memoryBytes,
        os: hosts.os,
        virtualization: hosts.virtualization,
      },
    })
    .from(sourceFiles)
    .innerJoin(datasets, eq(sourceFiles.datasetId, datasets.id))
    .innerJoin(imports, eq(sourceFiles.importId, imports.id))
    .innerJoin(runs, eq(runs.sourceFileId, sourceFiles.id))
    .innerJoin(hosts, eq(runs.hostId, hosts.id))
    .where(eq(sourceFiles.id, id));
  const first = rows[0];
  if (!first) return null;
  const { contentDeflate, runtime: _runtime, ...rest } = first;
  return { ...rest, runtimes: [...new Set(rows.map((r) => r.runtime))].sort(), content: unpackContent(contentDeflate) };
}
