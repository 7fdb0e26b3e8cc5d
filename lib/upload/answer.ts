/** What `POST /api/imports` answers: the CLI's `--json` summary, the import and its permalinks (README, "Uploading results"). */
export interface UploadAnswer {
  files: number;
  imported: number;
  skipped: number;
  failed: { file: string; error: string }[];
  samples: number;
  passedOver: { file: string; reason: string }[];
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
