import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { SourceFileView } from "@/components/provenance/source-file-view";
import { db } from "@/db";
import { getSourceFile } from "@/db/queries/provenance";
import { parseSourceId } from "@/lib/http/source-id";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Source file" };

export default async function SourceFilePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const sourceId = parseSourceId(id);
  if (sourceId === null) notFound();
  const file = await getSourceFile(db, sourceId);
  if (!file) notFound();
  return (
    <>
      <h1>Provenance of {file.path}</h1>
      <SourceFileView file={file} />
    </>
  );
}
