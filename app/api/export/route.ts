import { db } from "@/db";
import { listTidyRows, TIDY_COLUMNS } from "@/db/queries/tidy-rows";
import { toCsv } from "@/lib/csv";
import { badRequest, handle } from "@/lib/http/responses";
import { exploreDataForRequest } from "../_lib/explore-request";

export const dynamic = "force-dynamic";

/** The current selection as tidy rows, the same columns as `npm run export`. */
export const GET = handle("export", async (request) => {
  const format = new URL(request.url).searchParams.get("format") ?? "csv";
  if (format !== "csv" && format !== "json") return badRequest(`format must be csv or json, got "${format}"`);
  // Tidy rows carry no overhead, so an unknown baseline does not matter here.
  const data = await exploreDataForRequest(request, { unusedParams: ["baseline"], extraParams: ["format"] });
  if (data instanceof Response) return data;
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
