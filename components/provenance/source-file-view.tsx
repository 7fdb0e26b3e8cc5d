import Link from "next/link";
import type { SourceFileDetail } from "@/db/queries/provenance";
import { formatValue } from "@/lib/format";

export interface SourceFileViewProps {
  /** Dates are left out: over JSON they arrive as strings, and the view does not show them. */
  file: Omit<SourceFileDetail, "importedAt" | "startedAt">;
}

const unknown = <span className="text-zinc-600 dark:text-zinc-400">not recorded</span>;

/** Where a number came from: file, tool, command, host, hash, and the raw text itself. */
export function SourceFileView({ file }: SourceFileViewProps) {
  const facts: [string, React.ReactNode][] = [
    ["File", <code key="p">{file.path}</code>],
    ["Dataset", file.dataset],
    ["Runtime", file.runtimes.join(", ")],
    [
      "Tool",
      `${file.tool}${file.toolVersion ? ` ${file.toolVersion}` : ""} (parser ${file.parser} v${file.parserVersion})`,
    ],
    ["Command", file.command ? <code key="c">{file.command}</code> : unknown],
    ["Host", file.host.name],
    ["Kernel", file.host.kernel ?? unknown],
    [
      "CPU",
      file.host.cpuModel ? `${file.host.cpuModel}${file.host.cpuCount ? ` × ${file.host.cpuCount}` : ""}` : unknown,
    ],
    ["Memory", file.host.memoryBytes ? formatValue(file.host.memoryBytes, "bytes") : unknown],
    ["OS", file.host.os ?? unknown],
    ["Machine", file.host.virtualization ?? unknown],
    [
      "SHA-256",
      <code key="s" className="break-all">
        {file.sha256}
      </code>,
    ],
    ["Size", formatValue(file.sizeBytes, "bytes")],
    [
      "Import",
      <Link key="i" href={`/explore?dataset=${encodeURIComponent(file.dataset)}&asof=${file.importId}`}>
        #{file.importId}
      </Link>,
    ],
  ];
  return (
    <div>
      <dl className="grid grid-cols-[8rem_1fr] gap-x-4 gap-y-1 text-sm">
        {facts.map(([k, v]) => (
          <div key={k} className="contents">
            <dt className="text-zinc-600 dark:text-zinc-400">{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      <h3 className="mt-4 mb-1 text-sm font-medium">
        Raw file <a href={`/api/sources/${file.id}`}>(download)</a>
      </h3>
      {/* A Tab stop, so a keyboard can scroll a long file (it scrolls in its own box). */}
      <pre
        className="max-h-[32rem] overflow-auto rounded bg-zinc-100 p-3 text-xs dark:bg-zinc-900"
        role="region"
        aria-label="Raw file content"
        tabIndex={0}
      >
        {file.content}
      </pre>
    </div>
  );
}
