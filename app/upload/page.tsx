import type { Metadata } from "next";
import { db } from "@/db";
import { countUploadTokens } from "@/db/queries/upload-tokens";
import { UploadForm } from "./_components/upload-form";

export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "Upload results",
  description: "Send raw benchmark outputs or a harness output folder to this hvscope instance.",
};

/** Uploads through POST /api/imports (decision 015); the form only when an operator has made a token. */
export default async function UploadPage() {
  const enabled = (await countUploadTokens(db)) > 0;
  return (
    <>
      <h1>Upload results</h1>
      <p id="upload-intro" className="mb-5 max-w-3xl text-sm text-zinc-600 dark:text-zinc-400">
        Send raw outputs of benchmark tools, or a whole output folder of <code>npm run bench</code> with its{" "}
        <code>hvscope.yaml</code>. They are imported as <code>npm run ingest</code> imports them: each file whole or not
        at all, files stored already skipped. From a terminal: <code>npm run ingest -- --remote URL PATH</code>.
      </p>
      {enabled ? <UploadForm /> : <UploadsOff />}
    </>
  );
}

function UploadsOff() {
  return (
    <div role="status" className="max-w-3xl rounded border border-zinc-300 px-4 py-3 text-sm dark:border-zinc-700">
      <p className="font-medium">Uploads are off on this instance.</p>
      <p className="mt-1">
        An operator turns them on by creating a token on the server, <code>npm run token -- create NAME</code>{" "}
        (optionally <code>--dataset &apos;PATTERN&apos;</code> to limit it to some datasets), and gives the printed
        token to whoever uploads. Reading stays open to everyone either way.
      </p>
    </div>
  );
}
