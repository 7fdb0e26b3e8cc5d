import type { Metadata } from "next";
import type { PageSearchParams } from "@/lib/search-params";
import { checkLink } from "./_lib/canonical-link";
import { exploreMetadata, synthesisMetadata } from "./_lib/shared-metadata";
import { DatasetOverview } from "./_components/dataset-overview";
import { SynthesisOverview } from "./_components/synthesis-overview";

export const dynamic = "force-dynamic";

/** Previews name the view's largest difference: the synthesis's, or the dataset's with its image. */
export async function generateMetadata({ searchParams }: { searchParams: PageSearchParams }): Promise<Metadata> {
  const raw = await searchParams;
  return raw.dataset === undefined ? synthesisMetadata(raw) : exploreMetadata(raw);
}

/** Across every dataset by default; `dataset=` opens one dataset's own overview. */
export default async function OverviewPage({ searchParams }: { searchParams: PageSearchParams }) {
  const raw = await searchParams;
  const linkNotices = checkLink("/", raw);
  return raw.dataset === undefined ? (
    <SynthesisOverview raw={raw} linkNotices={linkNotices} />
  ) : (
    <DatasetOverview raw={raw} linkNotices={linkNotices} />
  );
}
