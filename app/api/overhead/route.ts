import type { SelectedExploreData } from "@/db/queries/explore";
import { handle } from "@/lib/http/responses";
import { memoizeByObject } from "@/lib/memoize";
import { overheadJson } from "@/lib/overhead/json-body";
import { exploreDataForRequest } from "../_lib/explore-request";

export const dynamic = "force-dynamic";

/**
 * Bodies of cached views (db/queries/read-cache.ts): serialising a view's rows costs more than the rest
 * of a cached request (docs/performance.md). Kept as bytes: a string would be encoded to UTF-8 again on
 * every response.
 */
const bodyOf = memoizeByObject((data: SelectedExploreData) =>
  new TextEncoder().encode(overheadJson(data.selection, data.table.rows)),
);

export const GET = handle("overhead", async (request) => {
  const data = await exploreDataForRequest(request);
  if (data instanceof Response) return data;
  // Handed over as a stream: undici copies a byte array given to Response on every request, and
  // the stream served more requests per second (docs/performance.md). Nothing downstream
  // transfers the chunk, so the cached bytes stay intact (sent chunked, without a
  // Content-Length). Next.js compresses the stream when the client accepts gzip (a body
  // gzipped here would be compressed twice).
  const cached = bodyOf(data);
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(cached);
      controller.close();
    },
  });
  return new Response(stream, { headers: { "content-type": "application/json" } });
});
