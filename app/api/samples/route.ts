import { db } from "@/db";
import { getExploreData } from "@/db/queries/explore";
import { listSeriesSamples, pointsBySeries } from "@/db/queries/series-samples";
import { readApiFilters } from "@/lib/api-params";
import { badRequest, handle } from "@/lib/http";

export const dynamic = "force-dynamic";

/** Every sample behind the current view, with the source file each came from. */
export const GET = handle("samples", async (request) => {
  const { filters, raw } = readApiFilters(request);
  const data = await getExploreData(db, filters, raw);
  if (data.notices.length > 0) return badRequest(data.notices.map((n) => n.message).join(" "), data.notices);
  if (!data.selection) return badRequest("no data has been imported yet");
  const { dataset, host, asof } = data.selection;
  const points = pointsBySeries(await listSeriesSamples(db, data.series.map((s) => s.seriesId), asof));
  return Response.json({
    dataset,
    host,
    asof,
    samples: data.series.flatMap((s) =>
      (points.get(s.seriesId) ?? []).map((v) => ({
        runtime: s.runtime,
        version: s.version,
        variant: s.variant,
        workload: s.workload,
        metric: s.metric,
        unit: s.unit,
        direction: s.direction,
        repetition: v.repetition,
        value: v.value,
        runId: v.runId,
        sourceFile: `/api/sources/${v.sourceFileId}`,
        provenance: `/sources/${v.sourceFileId}`,
      })),
    ),
  });
});
