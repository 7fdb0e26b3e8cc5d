import "server-only";
import type { Metadata } from "next";
import { headers } from "next/headers";
import type { RawParams } from "@/lib/explore/selection";
import { OG_SIZE } from "@/components/share/og-card";
import { db } from "@/db";
import { getSynthesisData } from "@/db/queries/synthesis";
import { loadSynthesisFilters } from "@/lib/search-params";
import { summarizeSynthesis } from "@/lib/share/synthesis-summary";
import { loadSharedView } from "./shared-view";

/**
 * Where this server is reached, for the absolute URLs link previews need (og:image): the
 * request's own host, since hvscope runs under whatever name its users give it.
 */
export async function requestOrigin(): Promise<URL> {
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost:3000";
  const proto = h.get("x-forwarded-proto") ?? "http";
  return new URL(`${proto}://${host}`);
}

/** Title, description and preview image of an /explore permalink, from the view it shows. */
export async function exploreMetadata(raw: RawParams): Promise<Metadata> {
  const shared = await loadSharedView(raw);
  if (!shared) return { title: "Explore" };
  const { summary, query } = shared;
  const title = `${summary.title} · hvscope`;
  const image = { url: `/og/explore${query}`, ...OG_SIZE, alt: `${summary.caption}. Data: ${summary.source}` };
  return {
    metadataBase: await requestOrigin(),
    title: { absolute: title },
    description: summary.description,
    openGraph: { type: "website", siteName: "hvscope", title, description: summary.description, images: [image] },
    twitter: { card: "summary_large_image", title, description: summary.description, images: [image] },
  };
}

/** Title and description of a synthesis view (`/` across datasets, `/synthesis`), from the same cached data. */
export async function synthesisMetadata(raw: RawParams): Promise<Metadata> {
  const { synthesis, filters } = await getSynthesisData(db, loadSynthesisFilters(raw), raw);
  const { title, description } = summarizeSynthesis(filters.baseline, synthesis.rows, filters.asof);
  const full = `${title} · hvscope`;
  return {
    title: { absolute: full },
    description,
    openGraph: { type: "website", siteName: "hvscope", title: full, description },
    twitter: { card: "summary", title: full, description },
  };
}
