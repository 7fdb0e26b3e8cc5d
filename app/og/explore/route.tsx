import type { NextRequest } from "next/server";
import { ImageResponse } from "next/og";
import { loadSharedView, sharedCacheControl } from "@/app/_lib/shared-view";
import { OG_SIZE, OgCard } from "@/components/share/og-card";
import { NO_DATA_SUMMARY } from "@/lib/share/view-summary";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The Open Graph / Twitter image of an /explore permalink (same parameters), 1200×630 PNG. */
export async function GET(request: NextRequest) {
  const shared = await loadSharedView(Object.fromEntries(request.nextUrl.searchParams));
  return new ImageResponse(<OgCard summary={shared?.summary ?? NO_DATA_SUMMARY} />, {
    ...OG_SIZE,
    headers: { "Cache-Control": sharedCacheControl(shared?.immutable ?? false) },
  });
}
