import { stringify } from "yaml";
import { manifestSchema, type Manifest, type ManifestRule } from "@/lib/ingest/manifest/schema";
import type { ToolId } from "@/lib/parsers/types";
import type { StepMachine } from "./quiet-gate";

/** The host dumps written to `<out>/sys/`, named as the manifest's sysinfo expects them. */
export const SYSINFO_FILES = {
  uname: "sys/uname.txt",
  cpuinfo: "sys/cpuinfo.txt",
  meminfo: "sys/meminfo.txt",
  os_release: "sys/os-release.txt",
  virtualization: "sys/virtualization.txt",
} as const;

export const STEPS_FILE = "steps.json";

/** One step: the file it left and everything the manifest and steps.json say about it. */
export interface StepRecord {
  runtime: string;
  version?: string;
  variant?: string;
  step: string;
  rep: number;
  /** `skipped`: the step cannot work under this runtime (the reason is in `error`); no file. */
  status: "ok" | "failed" | "skipped";
  /** The output (ok) or the `.failed.log` (failed), relative to the output folder. */
  file?: string;
  tool: ToolId;
  toolVersion?: string;
  /** The exact command that wrote the output (inside the sandbox, or on the host for clients). */
  command: string;
  /** How the host ran it (`runc --root ... run --bundle ... NAME`), when that differs. */
  hostCommand?: string;
  /** For server clients: the server command in the sandbox. */
  server?: string;
  workload?: string;
  parserOptions?: Record<string, unknown>;
  startedAt: string;
  endedAt: string;
  error?: string;
  /** Load average and other busy processes before and during the step. */
  machine?: StepMachine;
}

export interface ManifestInput {
  dataset: string;
  host: string;
  description: string;
  records: StepRecord[];
}

/**
 * The manifest that lets `npm run ingest -- DIR` import the folder with no flags: one rule per
 * file, naming runtime, version, tool version and command; failed steps' logs are ignored.
 */
export function buildManifest(input: ManifestInput): Manifest {
  const files: ManifestRule[] = input.records.flatMap((r): ManifestRule[] => {
    if (r.file === undefined) return [];
    return [r.status === "ok" ? outputRule(r, r.file) : { match: r.file, ignore: true }];
  });
  const manifest = {
    dataset: input.dataset,
    description: input.description,
    host: { name: input.host, sysinfo: { ...SYSINFO_FILES } },
    aliases: {},
    ignore: ["sys/**", STEPS_FILE, "**/*.failed.log"],
    files,
  };
  // Validating here turns a harness bug into an error at write time, not at ingest.
  return manifestSchema.parse(manifest);
}

function outputRule(r: StepRecord, file: string): ManifestRule {
  const rule: ManifestRule = { match: file, ignore: false, runtime: r.runtime, command: r.command };
  if (r.version) rule.version = r.version;
  if (r.variant) rule.variant = r.variant;
  if (r.toolVersion) rule.tool_version = r.toolVersion;
  if (r.workload) rule.workload = r.workload;
  if (r.parserOptions) rule.options = r.parserOptions;
  return rule;
}

/** YAML text with a header comment; `ignore: false` defaults are left out to keep it readable. */
export function manifestYaml(manifest: Manifest, header: string[]): string {
  const plain = {
    ...manifest,
    files: manifest.files.map(({ ignore, ...rest }) => (ignore ? { ...rest, ignore } : rest)),
  };
  const comment = header.map((line) => `# ${line}`.trimEnd()).join("\n");
  return `${comment}\n${stringify(plain, { lineWidth: 0 })}`;
}
