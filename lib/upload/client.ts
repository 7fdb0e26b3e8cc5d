import { readFileSync, statSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { globSync } from "tinyglobby";
import { isDocumentation } from "@/lib/ingest/walk";
import { describeFileCounts, isUploadAnswer, type UploadAnswer } from "./answer";
import { writeTar, type TarFile } from "./tar";

/** Where and as whom `ingest --remote` and `bench --upload` send files. */
export interface RemoteTarget {
  /** The instance's `POST /api/imports`. */
  endpoint: URL;
  token: string;
}

/** A refused or failed upload; the message names the URL and says what the server said. */
export class RemoteUploadError extends Error {
  constructor(
    message: string,
    /** The server's summary when it sent one (a 422 "nothing importable" lists each file's error). */
    readonly answer?: UploadAnswer,
  ) {
    super(message);
  }
}

/**
 * The upload endpoint and token from the command line: `url` is the instance (`https://hvscope.example`)
 * or its `/api/imports`; the token is `--token`, else `$HVSCOPE_TOKEN`. Throws a sentence to print.
 */
export function remoteTarget(url: string, token: string | undefined): RemoteTarget {
  let endpoint: URL;
  try {
    endpoint = new URL(url);
  } catch {
    throw new Error(`"${url}" is not a URL: give the instance's address, e.g. https://hvscope.example`);
  }
  if (endpoint.protocol !== "https:" && endpoint.protocol !== "http:")
    throw new Error(`"${url}": only http:// and https:// addresses can receive uploads`);
  if (!endpoint.pathname.replace(/\/+$/, "").endsWith("/api/imports"))
    endpoint = new URL(`${endpoint.pathname.replace(/\/+$/, "")}/api/imports`, endpoint);
  if (!token?.trim())
    throw new Error(
      `uploading to ${endpoint.origin} needs a token: --token TOKEN or HVSCOPE_TOKEN (an operator makes one with npm run token -- create NAME)`,
    );
  return { endpoint, token: token.trim() };
}

/**
 * The files to send for `paths`, each under its folder's name as `npm run ingest PATH` sees it:
 * a folder's files (its manifests and host dumps included, documentation left out) as
 * `FOLDER/…`, a file as `PARENT/FILE`. Two paths that would land on the same name are refused.
 */
export function collectUploadFiles(paths: readonly string[]): TarFile[] {
  const files = new Map<string, string>();
  const add = (archivePath: string, absPath: string) => {
    const earlier = files.get(archivePath);
    if (earlier !== undefined && earlier !== absPath)
      throw new Error(`${absPath} and ${earlier} would both be sent as ${archivePath}: upload them separately`);
    files.set(archivePath, absPath);
  };
  for (const p of paths) {
    const abs = resolve(p);
    const stat = statSync(abs, { throwIfNoEntry: false });
    if (!stat) throw new Error(`${p}: no such file or folder`);
    if (stat.isFile()) add(`${basename(dirname(abs))}/${basename(abs)}`, abs);
    else
      for (const rel of globSync("**/*", { cwd: abs, onlyFiles: true, dot: false, followSymbolicLinks: false }).sort())
        if (!isDocumentation(rel)) add(`${basename(abs)}/${rel}`, join(abs, rel));
  }
  if (files.size === 0) throw new Error(`${paths.join(" ")}: no files to upload`);
  return [...files].map(([path, absPath]) => ({ path, data: readFileSync(absPath) }));
}

/** `paths` as one .tar.gz (lib/upload/tar.ts), labelled like ingest's flags (query parameters). */
export async function uploadPaths(
  target: RemoteTarget,
  paths: readonly string[],
  labels: { dataset?: string; host?: string; runtime?: string } = {},
): Promise<UploadAnswer> {
  const body = gzipSync(writeTar(collectUploadFiles(paths)));
  const url = new URL(target.endpoint);
  for (const [key, value] of Object.entries(labels)) if (value) url.searchParams.set(key, value);
  let response: Response;
  try {
    response = await postUpload(url, {
      body: new Uint8Array(body),
      headers: { authorization: `Bearer ${target.token}`, "content-type": "application/gzip" },
    });
  } catch (e) {
    const cause = e instanceof Error && e.cause instanceof Error ? e.cause.message : String(e);
    throw new RemoteUploadError(`could not reach ${target.endpoint.href}: ${cause}`);
  }
  const json = (await response.json().catch(() => null)) as { error?: unknown } | null;
  if (json === null || (!response.ok && typeof json.error !== "string"))
    throw new RemoteUploadError(
      `${target.endpoint.href} answered ${response.status} ${response.statusText} without hvscope's JSON: is this an hvscope instance's address?`,
    );
  const answer = isUploadAnswer(json) ? absolute(json, target.endpoint) : undefined;
  if (!response.ok)
    throw new RemoteUploadError(
      `${target.endpoint.href} refused the upload (${response.status}): ${json.error}`,
      answer,
    );
  if (!answer) throw new RemoteUploadError(`${target.endpoint.href} answered ${response.status} without a summary`);
  return answer;
}

/**
 * POST to the upload endpoint, sent again once when a kept-alive connection the server had just
 * closed fails before any answer: safe, since files stored already are skipped.
 */
export function postUpload(url: URL, init: Omit<RequestInit, "method">): Promise<Response> {
  const send = () => fetch(url, { ...init, method: "POST" });
  return send().catch((e: unknown) => (isClosedSocket(e) ? send() : Promise.reject(e)));
}

const isClosedSocket = (e: unknown) =>
  e instanceof Error &&
  e.cause instanceof Error &&
  ["UND_ERR_SOCKET", "ECONNRESET"].includes(String((e.cause as { code?: unknown }).code));

function absolute(answer: UploadAnswer, endpoint: URL): UploadAnswer {
  const resolveLink = (link: string) => new URL(link, endpoint).href;
  return {
    ...answer,
    permalink: answer.permalink && resolveLink(answer.permalink),
    permalinks: answer.permalinks?.map(resolveLink),
  };
}

/** The lines a CLI prints for an answer: each failure, the counts, the link to the data. */
export function describeAnswer(answer: UploadAnswer): string[] {
  return [
    ...answer.failed.map((f) => `error: ${f.file}: ${f.error}`),
    `${describeFileCounts(answer)}; ${answer.imported} imported, ${answer.skipped} skipped (already stored), ${answer.failed.length} failed; ${answer.samples} samples` +
      (answer.importId == null ? "" : ` (import #${answer.importId})`),
    ...(answer.permalinks ?? []).map((link) => `view it: ${link}`),
  ];
}

/** Whether the instance answers `GET /api/imports` as hvscope does; throws a sentence naming the URL if not. */
export async function checkReachable(target: RemoteTarget): Promise<void> {
  let response: Response;
  try {
    response = await fetch(target.endpoint, { signal: AbortSignal.timeout(15_000) });
  } catch (e) {
    const cause = e instanceof Error && e.cause instanceof Error ? e.cause.message : String(e);
    throw new RemoteUploadError(`could not reach ${target.endpoint.href}: ${cause}`);
  }
  const json = (await response.json().catch(() => null)) as { imports?: unknown } | null;
  if (!response.ok || !Array.isArray(json?.imports))
    throw new RemoteUploadError(
      `${target.endpoint.href} answered ${response.status} ${response.statusText} without hvscope's JSON: is this an hvscope instance's address?`,
    );
}
