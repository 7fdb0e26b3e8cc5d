import { memoizeByObject } from "../memoize";
import { firstRawValue, type Notice, type RawParams } from "../explore/selection";
import { STUDIES, type SynthesisFilters } from "../search-params";
import { synthesisCell } from "./cells";
import type { Synthesis, SynthesisRow } from "./synthesize";

/**
 * Whether GET /api/synthesis lists each row's studies. Absent `studies`: yes for a link that picks
 * runtimes or categories (a forest plot's rows), no for every row, where the studies are most of
 * the body (docs/decisions/009-synthesis-api-pooled-rows-by-default.md).
 */
export function listsStudies(
  studies: (typeof STUDIES)[number] | null,
  filters: Pick<SynthesisFilters, "runtime" | "category">,
): boolean {
  if (studies !== null) return studies === 1;
  return filters.runtime.length > 0 || filters.category.length > 0;
}

/** The notice for an unreadable `studies`, which the API answers with a 400 like any other. */
export function unreadableStudies(raw: RawParams): Notice[] {
  const studies = firstRawValue(raw, "studies");
  if (studies === undefined || STUDIES.map(String).includes(studies)) return [];
  return [{ param: "studies", message: `"studies" must be 0 or 1, got "${studies}".` }];
}

/**
 * The body of GET /api/synthesis (README, "JSON API"): every row's pooled value as the heatmap
 * shows it, with its study count, and the studies themselves when `withStudies`.
 */
export function synthesisJson({ baseline, method, rows }: Synthesis, { withStudies }: { withStudies: boolean }) {
  return { baseline, method, rows: rows.map((row) => rowJson(row, withStudies)) };
}

/**
 * synthesisJson as JSON text, each row's text kept for as long as the row: the pooled rows outlive
 * the views that select them (db/queries/synthesis.ts), so a view computed with the read cache off
 * mostly joins texts already made.
 */
export function synthesisJsonText(synthesis: Synthesis, { withStudies }: { withStudies: boolean }): string {
  const head = JSON.stringify({ baseline: synthesis.baseline, method: synthesis.method });
  const rows = synthesis.rows.map(withStudies ? rowTextWithStudies : rowText).join(",");
  return `${head.slice(0, -1)},"rows":[${rows}]}`;
}

const rowText = memoizeByObject((row: SynthesisRow) => JSON.stringify(rowJson(row, false)));
const rowTextWithStudies = memoizeByObject((row: SynthesisRow) => JSON.stringify(rowJson(row, true)));

function rowJson(row: SynthesisRow, withStudies: boolean) {
  const { estimate: _estimate, studies, ...pooled } = row;
  const cell = synthesisCell(row);
  return {
    ...pooled,
    studyCount: studies.length,
    // The heatmap's value where no study has a variance (lib/synthesis/cells.ts).
    unpooledPct: cell.pooled ? null : cell.overheadPct,
    ...(withStudies ? { studies } : {}),
  };
}
