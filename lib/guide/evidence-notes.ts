import { runtimeLabel } from "../format";
import type { CategoryEvidence, SynthesisRanked } from "./synthesis-ranking";

/** How a category's number was reached, as the page and its CSV say it: "via No sandbox (host)", "n = 1, not pooled". */
export function evidenceMarkers(e: CategoryEvidence): string[] {
  const markers: string[] = [];
  if (e.cell.indirect) markers.push(`via ${e.via.map((v) => runtimeLabel(v)).join(", ")}`);
  if (!e.cell.pooled) markers.push("n = 1, not pooled");
  return markers;
}

/** Why a ranked runtime's weighted overhead has no interval; null when it has one. */
export function noIntervalReason(r: SynthesisRanked): string | null {
  if (r.isBaseline || r.withoutInterval.length === 0) return null;
  const cats = r.withoutInterval.join(", ");
  return `no interval: ${cats} ${r.withoutInterval.length === 1 ? "rests" : "rest"} on n = 1 studies only`;
}
