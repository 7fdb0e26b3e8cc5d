import type { PageSearchParams } from "@/lib/search-params";
import { checkLink } from "./_lib/canonical-link";
import { DatasetOverview } from "./_components/dataset-overview";
import { SynthesisOverview } from "./_components/synthesis-overview";

export const dynamic = "force-dynamic";

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
