import Link from "next/link";
import { formatOverhead, formatPct } from "@/lib/format";
import { heatColor, heatTextColor } from "@/lib/overview/heatmap";

/**
 * A heatmap cell: the overhead on its colour, two lines of detail, and the whole cell a link whose
 * title says the same in words (what the number is, for whom).
 */
export function HeatCell({
  subject,
  overheadPct,
  detail,
  interval,
  href,
  dashed = false,
}: {
  /** Runtime and category, for the title: `gVisor (ptrace), network`. */
  subject: string;
  overheadPct: number;
  detail: string;
  interval: string;
  href: string;
  /** Marks a value that rests on indirect evidence. */
  dashed?: boolean;
}) {
  return (
    <td
      data-mark=""
      className={`num p-0 ${dashed ? "outline-2 -outline-offset-4 outline-current outline-dashed" : ""}`}
      style={{ background: heatColor(overheadPct), color: heatTextColor(overheadPct) }}
    >
      <Link
        href={href}
        title={`${subject}: ${formatOverhead(overheadPct)}; ${detail}; ${interval}`}
        className="block px-2 py-1.5 text-inherit no-underline hover:underline"
      >
        <span className="block font-medium">{formatPct(overheadPct)}</span>
        <span className="block text-xs">{detail}</span>
        <span className="block text-xs">{interval}</span>
      </Link>
    </td>
  );
}

export function NoDataCell() {
  return <td className="num text-zinc-600 dark:text-zinc-400">no data</td>;
}
