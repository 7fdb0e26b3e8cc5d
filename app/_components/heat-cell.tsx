import Link from "next/link";
import { formatOverhead, formatPct } from "@/lib/format";
import { heatColor, heatTextColor } from "@/lib/overview/heatmap";

/**
 * A heatmap cell: the overhead on its colour, two short lines of detail, and the whole cell a link
 * whose title says it all in words (what the number is, for whom, on what evidence).
 */
export function HeatCell({
  subject,
  overheadPct,
  detail,
  evidence = detail,
  interval,
  href,
  dashed = false,
}: {
  /** Runtime and category, for the title: `gVisor (ptrace), network`. */
  subject: string;
  overheadPct: number;
  /** Shown in the cell: `k = 1`. */
  detail: string;
  /** The evidence in full, for the title, when the cell shows it short: `n = 1, not pooled, indirect`. */
  evidence?: string;
  /** `+1.0 % to +2.0 %` or `no interval`. */
  interval: string;
  href: string;
  /** Marks a value that rests on indirect evidence. */
  dashed?: boolean;
}) {
  return (
    <td
      data-mark=""
      className={`num p-0 whitespace-normal ${dashed ? "outline-2 -outline-offset-4 outline-current outline-dashed" : ""}`}
      style={{ background: heatColor(overheadPct), color: heatTextColor(overheadPct) }}
    >
      <Link
        href={href}
        title={`${subject}: ${formatOverhead(overheadPct)}; ${evidence}; ${interval}`}
        className="block px-2 py-1.5 text-inherit no-underline hover:underline"
      >
        <span className="block font-medium whitespace-nowrap">{formatPct(overheadPct)}</span>
        <span className="block text-xs">
          <BreakOnlyAt text={detail} separator=", " />
        </span>
        <span className="block text-xs">
          <BreakOnlyAt text={interval} separator=" to " />
        </span>
      </Link>
    </td>
  );
}

/** A cell's line that wraps only between its parts, never inside `n ≥ 5` or `+218 %`. */
function BreakOnlyAt({ text, separator }: { text: string; separator: string }) {
  const parts = text.split(separator);
  return parts.map((part, i) => (
    <span key={i}>
      {i > 0 && separator}
      <span className="whitespace-nowrap">{part}</span>
    </span>
  ));
}

export function NoDataCell() {
  return <td className="num text-zinc-600 dark:text-zinc-400">no data</td>;
}
