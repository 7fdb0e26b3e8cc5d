import { isUploadAnswer, type UploadAnswer } from "./answer";
import type { PickedFile } from "./picked-files";
import { explainRefusal } from "./refusal-messages";

export interface UploadLabels {
  dataset: string;
  host: string;
  runtime: string;
}

export type UploadOutcome =
  | { ok: true; answer: UploadAnswer }
  /** `message` says what happened and what to do; `answer` when the server listed each file. */
  | { ok: false; message: string; answer?: UploadAnswer };

/**
 * Sends files as `POST /api/imports` multipart parts whose file names are their relative paths
 * (the API keeps and checks them). XMLHttpRequest rather than fetch: only it reports upload progress.
 */
export function sendUpload(
  files: readonly PickedFile[],
  labels: UploadLabels,
  token: string,
  onProgress: (sent: number, total: number) => void,
): Promise<UploadOutcome> {
  const form = new FormData();
  for (const [name, value] of Object.entries(labels)) if (value.trim()) form.append(name, value.trim());
  for (const { path, file } of files) form.append("file", file, path);
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", "/api/imports");
    xhr.setRequestHeader("authorization", `Bearer ${token.trim()}`);
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded, e.total);
    xhr.onerror = () => resolve({ ok: false, message: explainRefusal(0, null) });
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // Not JSON (a proxy's error page): explained by the status alone.
      }
      const answer = isUploadAnswer(body) ? body : undefined;
      if (xhr.status === 200 && answer) resolve({ ok: true, answer });
      else {
        const error = (body as { error?: unknown } | null)?.error;
        resolve({
          ok: false,
          message: explainRefusal(
            xhr.status,
            typeof error === "string" ? error : null,
            xhr.getResponseHeader("retry-after"),
          ),
          answer,
        });
      }
    };
    xhr.send(form);
  });
}
