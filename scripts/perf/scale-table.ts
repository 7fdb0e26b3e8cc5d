import type { BenchRecord, ServerFigures } from "./bench-record";
import { formatTable, int, mb, ms, pct, verdict } from "./report";

/** Issue 24: bench:perf's runtime for one database stays under 10 minutes. */
export const MAX_RUNTIME_S = 600;

const NONE = "–";
/** JSON writes a figure that never came (Infinity) as null: ms() shows it as a timeout. */
const time = (n: number | null | undefined) => (n === undefined ? NONE : ms(n));
const pair = (a: string, b: string) => (a === NONE && b === NONE ? NONE : `${a} / ${b}`);
const p50p99 = (l: { p50Ms: number; p99Ms: number; ok: number } | null | undefined) =>
  l ? pair(time(l.p50Ms), l.ok > 0 ? time(l.p99Ms) : "timeout") : NONE;
const rss = (servers: (ServerFigures | undefined)[], pick: (s: ServerFigures) => number | null) =>
  servers.some((s) => s) ? servers.map((s) => (s ? mb(pick(s) ?? undefined) : NONE)).join(" / ") : NONE;
const readAhead = (s: ServerFigures | undefined) =>
  s?.summariesReady ? `${int(s.summariesReady.hosts)} hosts in ${ms(s.summariesReady.ms)}` : s ? "not reported" : NONE;

/**
 * Issue 24's scaling table: one column per bench:perf result (smallest database first), one row
 * per figure, the target beside it; "–" where a run left the section out. Below it, each run's
 * missed targets as bench:perf judged them, and its runtime against the 10-minute budget.
 */
export function scaleTable(records: readonly BenchRecord[]): string {
  const runs = [...records].sort((x, y) => x.database.samples - y.database.samples);
  const row = (label: string, cell: (r: BenchRecord) => string, target = "") => [label, ...runs.map(cell), target];
  const views = runs.find((r) => r.sections.b)?.sections.b?.views;
  const table = formatTable([
    ["", ...runs.map((r) => r.database.path.split("/").pop()!), "target"],
    row("database engine", (r) => (r.database.engine === "postgres" ? "PostgreSQL" : "SQLite")),
    row("samples", (r) => int(r.database.samples)),
    row("hosts (dataset and host) / series", (r) => `${int(r.database.hosts)} / ${int(r.database.series)}`),
    row("database bytes per sample", (r) => (r.database.bytes / r.database.samples).toFixed(0)),
    row("a. ingestion files/s (real pipeline)", (r) =>
      r.sections.a ? int(r.sections.a.files / r.sections.a.realSeconds) : NONE,
    ),
    row("a. ingestion real/limit", (r) => (r.sections.a ? pct(r.sections.a.ratio) : NONE), ">= 50 %"),
    row("b. API p50 / p99, cache on (permalink)", (r) => p50p99(r.sections.b?.cacheOn.load), "p99 < 50 ms"),
    row(
      `b. API p50 / p99, ${views ?? "all"} permalinks in turn`,
      (r) => p50p99(r.sections.b?.cacheOn.inTurn),
      "p99 < 50 ms",
    ),
    row("b. API p50 / p99, cache off", (r) => p50p99(r.sections.b?.cacheOff.load), "p99 < 250 ms"),
    row("b. API one request alone, cache off", (r) => time(r.sections.b?.cacheOff.alone?.p50Ms), "< 10 ms"),
    row("e. synthesis p50 / p99, cache on", (r) => p50p99(r.sections.e?.cacheOn.load), "p99 < 50 ms"),
    row("e. synthesis p50 / p99, cache off", (r) => p50p99(r.sections.e?.cacheOff.load), "p99 < 250 ms"),
    row("e. synthesis one request alone, cache off", (r) => time(r.sections.e?.cacheOff.alone?.p50Ms), "< 10 ms"),
    row("d. /explore LCP (median)", (r) => time(r.sections.d?.lcpMs ?? undefined), "< 1.0 s"),
    row(
      "first answer after next start, API on / off",
      (r) => pair(time(r.sections.b?.cacheOn.firstSinceSpawn), time(r.sections.b?.cacheOff.firstSinceSpawn)),
      "< 2 s",
    ),
    row(
      "first answer after next start, synthesis on / off",
      (r) => pair(time(r.sections.e?.cacheOn.firstSinceSpawn), time(r.sections.e?.cacheOff.firstSinceSpawn)),
      "< 2 s",
    ),
    row("summaries read ahead (API server, cache on)", (r) => readAhead(r.sections.b?.cacheOn)),
    row("server RSS after start, API on / off", (r) =>
      rss([r.sections.b?.cacheOn, r.sections.b?.cacheOff], (s) => s.rssAfterStartBytes),
    ),
    row(
      "server RSS after the load, API on / off",
      (r) => rss([r.sections.b?.cacheOn, r.sections.b?.cacheOff], (s) => s.rssAfterLoadBytes),
      "< 1 GB",
    ),
    row(
      "server RSS after the load, synthesis on / off",
      (r) => rss([r.sections.e?.cacheOn, r.sections.e?.cacheOff], (s) => s.rssAfterLoadBytes),
      "< 1 GB",
    ),
    row(
      "bench:perf runtime (sections run)",
      (r) => `${(r.runtimeSeconds / 60).toFixed(1)} min (${r.options.sections ?? "?"})`,
      "< 10 min",
    ),
    row(
      "targets met (bench:perf's verdicts)",
      (r) => `${r.targets.filter((t) => t.met).length} of ${r.targets.length}`,
    ),
  ]);
  const verdicts = runs.map((r) => {
    const missed = r.targets.filter((t) => !t.met).map((t) => `${t.section}. ${t.name} (${t.measured})`);
    const runtime = `runtime < 10 min: ${verdict(r.runtimeSeconds < MAX_RUNTIME_S)}`;
    const failed = r.error === undefined ? "" : `FAILED before its verdict (${r.error}); `;
    const head = `  ${r.database.path} (${int(r.database.samples)} samples), exit status ${r.exitStatus}, ${runtime}; ${failed}`;
    return missed.length > 0
      ? `${head}${missed.length} ${missed.length === 1 ? "target" : "targets"} NOT MET:${missed.map((m) => `\n    ${m}`).join("")}`
      : `${head}every target met`;
  });
  return `${table}\n\n${verdicts.join("\n")}`;
}
