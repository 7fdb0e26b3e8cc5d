import Link from "next/link";
import { contextOf, type UploadAnswer } from "@/lib/upload/answer";

/**
 * What an upload did: every file received, read as a benchmark output or as context (manifest,
 * files it ignores), the outputs imported, skipped and failed (each with its error), and where the data is.
 */
export function UploadSummary({ answer }: { answer: UploadAnswer }) {
  const links = answer.permalinks ?? (answer.permalink ? [answer.permalink] : []);
  const context = contextOf(answer);
  return (
    <section aria-labelledby="upload-summary" className="space-y-3">
      <h2 id="upload-summary">What the upload did</h2>
      <dl className="grid max-w-md grid-cols-[auto_1fr] gap-x-6 gap-y-1 text-sm">
        {context && (
          <>
            <dt>Files received</dt>
            <dd className="tabular-nums">{answer.files + context.count}</dd>
          </>
        )}
        <dt>Read as benchmark outputs</dt>
        <dd className="tabular-nums">{answer.files}</dd>
        {context && (
          <>
            <dt>Read as context</dt>
            <dd className="tabular-nums">
              {context.count}
              {context.count > 0 && ` (${context.kinds})`}
            </dd>
          </>
        )}
        <dt>Imported</dt>
        <dd className="tabular-nums">
          {answer.imported} ({answer.samples} samples)
        </dd>
        <dt>Skipped (stored already)</dt>
        <dd className="tabular-nums">{answer.skipped}</dd>
        <dt>Failed</dt>
        <dd className="tabular-nums">{answer.failed.length}</dd>
        <dt>Not benchmark outputs</dt>
        <dd className="tabular-nums">{answer.passedOver.length}</dd>
      </dl>
      {links.length > 0 && (
        <ul className="text-sm">
          {links.map((link) => (
            <li key={link}>
              <Link href={link}>See the data in Explore</Link>{" "}
              <span className="text-zinc-600 dark:text-zinc-400">
                (dataset {new URLSearchParams(link.split("?")[1]).get("dataset")}
                {answer.importId ? `, as of import #${answer.importId}` : ""})
              </span>
            </li>
          ))}
        </ul>
      )}
      {answer.failed.length > 0 && (
        <>
          <h3 className="font-medium">Files that failed (nothing of them was stored)</h3>
          <ul className="list-disc space-y-1 pl-5 text-sm">
            {answer.failed.map((f) => (
              <li key={f.file}>
                <code className="break-all">{f.file}</code>: {f.error}
              </li>
            ))}
          </ul>
        </>
      )}
      {answer.passedOver.length > 0 && (
        <details className="text-sm">
          <summary>Files passed over as no benchmark output ({answer.passedOver.length})</summary>
          <ul className="list-disc pl-5">
            {answer.passedOver.map((p) => (
              <li key={p.file}>
                <code className="break-all">{p.file}</code>: {p.reason}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
