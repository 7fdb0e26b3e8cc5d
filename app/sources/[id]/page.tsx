import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { SourceFileView } from "@/components/provenance/source-file-view";
import { db } from "@/db";
import { getSourceFile } from "@/db/queries/provenance";
import { parseSourceId } from "@/lib/http/source-id";

export const dynamic = "force-dynamic";

/** One read per request for both the page and its metadata (the raw text is inflated each time). */
const fileOf = cache(async (id: string) => {
  const sourceId = parseSourceId(id);
  return sourceId === null ? undefined : await getSourceFile(db, sourceId);
});

/** A provenance link previews as the raw file it shows: its name, tool, dataset and host. */
export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const file = await fileOf((await params).id);
  if (!file) return { title: "Source file" };
  const tool = `${file.tool}${file.toolVersion ? ` ${file.toolVersion}` : ""}`;
  const description = `Raw ${tool} output imported into ${file.dataset} on ${file.host.name}, with its command, host and SHA-256.`;
  return { title: `${file.path} (${tool})`, description, openGraph: { description } };
}

export default async function SourceFilePage({ params }: { params: Promise<{ id: string }> }) {
  const file = await fileOf((await params).id);
  if (!file) notFound();
  return (
    <>
      <h1>Provenance of {file.path}</h1>
      <SourceFileView file={file} />
    </>
  );
}
