import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { db } from "@/db";
import { resolveShortLink } from "@/db/queries/short-links";
import { isShortId } from "@/lib/share/short-id";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Short link" };

/**
 * A short link: redirects to the permalink it stands for, or says why it cannot (an unknown id is
 * the site's 404; a link whose pinned import is gone names the import and the link it stood for).
 */
export default async function ShortLinkPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!isShortId(id)) notFound();
  const target = await resolveShortLink(db, id);
  if (target.status === "unknown") notFound();
  if (target.status === "found") redirect(target.path);
  return (
    <div>
      <h1>The data behind this link is gone</h1>
      <p>
        This short link, made on {target.createdAt.toISOString().slice(0, 10)}, shows the data as of import #
        {target.asof}, and that import is no longer in this database. Its numbers cannot be shown as they were.
      </p>
      <p>
        It stood for <code className="break-all">{target.path}</code>. <Link href="/explore">Explore the data</Link>{" "}
        that is here now, or ask whoever shared the link which data it used.
      </p>
    </div>
  );
}
