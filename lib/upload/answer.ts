/** What `POST /api/imports` answers: the CLI's `--json` summary, the import and its permalinks (README, "Uploading results"). */
export interface UploadAnswer {
  files: number;
  imported: number;
  skipped: number;
  failed: { file: string; error: string }[];
  samples: number;
  passedOver: { file: string; reason: string }[];
  /** Files the manifest ignores (host facts, steps.json) and documentation; not in `files`. Absent from older servers. */
  ignored?: number;
  /** Manifests (hvscope.yaml) read for their labels; not in `files`. Absent from older servers. */
  manifests?: number;
  /** Absent or null when nothing new was stored. */
  importId?: number | null;
  /** One per dataset the upload stored into, pinned to the import (`asof`); the first is `permalink`. */
  permalink?: string;
  permalinks?: string[];
}

/** Whether a parsed JSON body is such a summary (an error body may carry one too, as a 422 does). */
export function isUploadAnswer(body: unknown): body is UploadAnswer {
  const b = body as Partial<UploadAnswer> | null;
  return typeof b?.files === "number" && Array.isArray(b.failed) && typeof b.imported === "number";
}

/** The files an import read only as context: their count and kinds, "1 manifest, 6 ignored by the manifest or documentation". */
export function contextOf({ ignored, manifests }: Pick<UploadAnswer, "ignored" | "manifests">) {
  if (ignored === undefined || manifests === undefined) return undefined;
  const kinds = [
    ...(manifests > 0 ? [`${manifests} manifest${manifests === 1 ? "" : "s"}`] : []),
    ...(ignored > 0 ? [`${ignored} ignored by the manifest or documentation`] : []),
  ];
  return { count: ignored + manifests, kinds: kinds.join(", ") };
}

/**
 * Every file an import was given, in words: "14 files: 7 benchmark outputs read, 7 context files
 * (1 manifest, 6 ignored by the manifest or documentation)". `files` counts only the outputs.
 */
export function describeFileCounts(answer: Pick<UploadAnswer, "files" | "ignored" | "manifests">): string {
  const outputs = `${answer.files} benchmark output${answer.files === 1 ? "" : "s"} read`;
  const context = contextOf(answer);
  if (!context || context.count === 0) return outputs;
  const plural = context.count === 1 ? "" : "s";
  return `${answer.files + context.count} files: ${outputs}, ${context.count} context file${plural} (${context.kinds})`;
}
