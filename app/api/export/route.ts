import { db } from "@/db";
import { getExploreData } from "@/db/queries/explore";
import { listTidyRows, TIDY_COLUMNS } from "@/db/queries/tidy-rows";
import { readApiFilters } from "@/lib/http/api-params";
import { toCsv } from "@/lib/csv";
import { badRequest, handle } from "@/lib/http/responses";

export const dynamic = "force-dynamic";

/** The current selection as tidy rows, the same columns as `npm run export`. */
export const GET = handle("export", async (request) => {
  const format = new URL(request.url).searchParams.get("format") ?? "csv";
  if (format !== "csv" && format !== "json") return badRequest(`format must be csv or json, got "${format}"`);
  const { filters, raw } = readApiFilters(request);
  const data = await getExploreData(db, filters, raw);
  const blocking = data.notices.filter((n) => n.param !== "baseline");
  if (blocking.length > 0) return badRequest(blocking.map((n) => n.message).join(" "), blocking);
  if (!data.selection) return badRequest("no data has been imported yet");
  const s = data.selection;
  const rows = await listTidyRows(db, {
    datasets: [s.dataset],
    hosts: [s.host],
    runtimes: s.runtimes.length > 0 ? [...new Set([...s.runtimes, s.baseline])] : [],
    workloads: s.workloads,
    metrics: s.metric === null ? [] : [s.metric],
    ...(s.asof === null ? {} : { asOf: s.asof }),
  });
  if (format === "json") return Response.json(rows);
  return new Response(toCsv(TIDY_COLUMNS, rows), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${s.dataset}.csv"`,
    },
  });
});
