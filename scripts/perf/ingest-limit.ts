import { readFileSync } from "node:fs";
import { basename } from "node:path";
import Database from "better-sqlite3";
import { detectParser } from "@/lib/parsers";

/**
 * The ceiling for ingestion on this machine: read each file, detect and parse it with the
 * same parser registry, and insert its samples with one prepared statement in one
 * transaction per file into a bare table (no labels, dimensions, provenance or ORM). Same
 * durability settings as db/open.ts and db/ingest/writer.ts, so the comparison is about the work
 * done, not fsync policy.
 */
export function limitIngest(
  dbPath: string,
  files: readonly string[],
): { files: number; samples: number; seconds: number } {
  const client = new Database(dbPath);
  try {
    client.pragma("journal_mode = WAL");
    client.pragma("synchronous = NORMAL");
    client.pragma("wal_autocheckpoint = 16384");
    client.exec("CREATE TABLE samples (file INTEGER NOT NULL, metric TEXT NOT NULL, value REAL NOT NULL)");
    const insert = client.prepare("INSERT INTO samples (file, metric, value) VALUES (?, ?, ?)");
    const writeFile = client.transaction((file: number, samples: readonly { metric: string; value: number }[]) => {
      for (const s of samples) insert.run(file, s.metric, s.value);
    });
    let samples = 0;
    const started = performance.now();
    for (const [i, path] of files.entries()) {
      const parsed = readAndParse(path);
      writeFile(i, parsed);
      samples += parsed.length;
    }
    return { files: files.length, samples, seconds: (performance.now() - started) / 1000 };
  } finally {
    client.close();
  }
}

/** The limit loops' read, detect and parse of one file, with the same parser registry as the real pipeline. */
export function readAndParse(path: string) {
  const raw = readFileSync(path, "utf8");
  const name = basename(path);
  const parser = detectParser(raw, name);
  if (!parser) throw new Error(`${path}: no parser recognises it`);
  return parser.parse(raw, { fileName: name }).samples;
}
