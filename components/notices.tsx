import type { Notice } from "@/lib/explore/selection";

/** What a link asked for that the data cannot show, and what is shown instead. */
export function Notices({ notices }: { notices: Notice[] }) {
  if (notices.length === 0) return null;
  return (
    <div
      role="status"
      aria-label="Notices about this link"
      className="mb-4 rounded border border-amber-400 bg-amber-50 p-3 text-sm dark:border-amber-600 dark:bg-amber-950"
    >
      <p className="m-0 mb-1 font-medium">This link asked for something the data does not hold:</p>
      <ul className="m-0 list-disc pl-5">
        {notices.map((n) => (
          <li key={`${n.param}:${n.message}`}>{n.message}</li>
        ))}
      </ul>
    </div>
  );
}
