/** The runtimes' colours, once for all panels; the baseline is the line at 0. */
export function ChartLegend({
  items,
  baseline,
}: {
  items: readonly { runtime: string; label: string; color: string }[];
  baseline: string;
}) {
  return (
    <ul className="mb-2 flex list-none flex-wrap gap-x-4 gap-y-1 p-0 text-sm" aria-label="Legend">
      <li className="flex items-center gap-1.5">
        <span aria-hidden="true" className="inline-block h-3.5 w-0.5 bg-current" />
        {`${baseline} (0)`}
      </li>
      {items.map((i) => (
        <li key={i.runtime} className="flex items-center gap-1.5">
          <span aria-hidden="true" className="inline-block size-3 rounded-sm" style={{ background: i.color }} />
          {i.label}
        </li>
      ))}
    </ul>
  );
}
