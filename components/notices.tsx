import { isWarning, type Notice } from "@/lib/explore/selection";

/**
 * What a link asked for that the data cannot show, and what is shown instead (a warning box);
 * below it, quietly, the defaults the page chose for this data (lib/explore/selection.ts Notice).
 */
export function Notices({ notices }: { notices: Notice[] }) {
  const warnings = notices.filter(isWarning);
  const notes = notices.filter((n) => !isWarning(n));
  return (
    <>
      {warnings.length > 0 && (
        <div
          role="status"
          aria-label="Notices about this link"
          className="mb-4 rounded border border-amber-400 bg-amber-50 p-3 text-sm dark:border-amber-600 dark:bg-amber-950"
        >
          <p className="m-0 mb-1 font-medium">This link asked for something the data does not hold:</p>
          <ul className="m-0 list-disc pl-5">
            {warnings.map((n) => (
              <li key={`${n.param}:${n.message}`}>{n.message}</li>
            ))}
          </ul>
        </div>
      )}
      {notes.map((n) => (
        <p
          key={`${n.param}:${n.message}`}
          role="note"
          aria-label="Note about this view"
          className="mb-4 text-sm text-zinc-600 dark:text-zinc-400"
        >
          {n.message}
        </p>
      ))}
    </>
  );
}
