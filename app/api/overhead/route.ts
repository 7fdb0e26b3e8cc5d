import { db } from "@/db";
import { getExploreData } from "@/db/queries/explore";
import { readApiFilters } from "@/lib/api-params";
import { badRequest, handle } from "@/lib/http";

export const dynamic = "force-dynamic";

export const GET = handle("overhead", async (request) => {
  const { filters, raw } = readApiFilters(request);
  const data = await getExploreData(db, filters, raw);
  if (data.notices.length > 0) return badRequest(data.notices.map((n) => n.message).join(" "), data.notices);
  if (!data.selection) return badRequest("no data has been imported yet");
  const { dataset, host, baseline, asof } = data.selection;
  return Response.json({
    dataset,
    host,
    baseline,
    asof,
    method: "overhead = ratio of geometric means of cost (1/value when higher is better) − 1; 95 % Welch t interval on log values",
    rows: data.table.rows.map((r) => ({
      runtime: r.runtime,
      version: r.version,
      variant: r.variant,
      workload: r.workload,
      category: r.category,
      metric: r.metric,
      unit: r.unit,
      direction: r.direction,
      n: r.n,
      baselineN: r.baselineN,
      mean: r.mean,
      sd: r.sd,
      baselineMean: r.baselineMean,
      overheadPct: r.overheadPct,
      ciLowPct: r.ciLowPct,
      ciHighPct: r.ciHighPct,
    })),
  });
});
