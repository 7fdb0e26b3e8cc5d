import { db } from "@/db";
import { listSeriesSamples, pointsBySeries } from "@/db/queries/series-samples";
import { handle } from "@/lib/http/responses";
import { exploreDataForRequest } from "../_lib/explore-request";

export const dynamic = "force-dynamic";

/** Every sample behind the current view, with the source file each came from. */
export const GET = handle("samples", async (request) => {
  const data = await exploreDataForRequest(request);
  if (data instanceof Response) return data;
  const { dataset, host, asof } = data.selection;
  const points = pointsBySeries(
    await listSeriesSamples(
      db,
      data.series.map((s) => s.seriesId),
      asof,
    ),
  );
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
