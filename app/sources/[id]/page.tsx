import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { SourceFileView } from "@/components/provenance/source-file-view";
import { db } from "@/db";
import { getSourceFile } from "@/db/queries/provenance";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Source file" };

export default async function SourceFilePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!/^\d{1,12}$/.test(id)) notFound();
  const file = await getSourceFile(db, Number(id));
  if (!file) notFound();
  return (
    <>
      <h1>Provenance of {file.path}</h1>
      <SourceFileView file={file} />
    </>
  );
}
