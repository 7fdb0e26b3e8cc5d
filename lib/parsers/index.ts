import { pingParser } from "./ping";
import { tableParser } from "./table";
import { tidyCsvParser } from "./tidy-csv";
import type { Parser, ToolId } from "./types";

export const parsers = {
  ping: pingParser,
  "tidy-csv": tidyCsvParser,
  table: tableParser,
} satisfies Partial<Record<ToolId, Parser>>;

/**
 * Detection order: formats with unmistakable markers first, the permissive ones last
 * (a tidy CSV is any CSV with runtime/metric/value columns; a table is any numeric text).
 */
export const DETECTION_ORDER: Parser[] = [pingParser, tidyCsvParser, tableParser];

export function getParser(id: ToolId): Parser | undefined {
  return (parsers as Partial<Record<ToolId, Parser>>)[id];
}

/** The first parser whose content sniff accepts the file, if any. */
export function detectParser(raw: string, fileName: string): Parser | undefined {
  return DETECTION_ORDER.find((p) => p.detect(raw, fileName));
}
