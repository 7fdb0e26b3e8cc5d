import { promisify } from "node:util";
import { gunzip } from "node:zlib";
import type { Env } from "@/lib/env";
import { UploadRejected } from "./rejected";
import { safeRelativePath } from "./safe-path";
import { readTar, type TarFile } from "./tar";

const gunzipAsync = promisify(gunzip);

export type UploadKind = "multipart" | "gzip";

/** What an upload carries once received and unpacked, before anything is written or imported. */
export interface Unpacked {
  files: TarFile[];
  fields: { dataset?: string; host?: string; runtime?: string };
  manifest?: TarFile;
}

type Limits = Pick<
  Env,
  | "HVSCOPE_UPLOAD_MAX_REQUEST_BYTES"
  | "HVSCOPE_UPLOAD_MAX_FILE_BYTES"
  | "HVSCOPE_UPLOAD_MAX_FILES"
  | "HVSCOPE_UPLOAD_MAX_UNPACKED_BYTES"
>;

export function uploadKind(contentType: string | null): UploadKind {
  const type = (contentType ?? "").split(";")[0]!.trim().toLowerCase();
  if (type === "multipart/form-data") return "multipart";
  if (type === "application/gzip" || type === "application/x-gzip") return "gzip";
  throw new UploadRejected(
    415,
    `content-type ${JSON.stringify(type || "(none)")} is not accepted: send multipart/form-data (file parts) or application/gzip (a .tar.gz of a folder)`,
  );
}

/**
 * The whole request body, read to its end before anything is imported (a connection dropped
 * mid-upload imports nothing), and never more than the limit: a declared or streamed size over it
 * stops the read with a 413.
 */
export async function readBody(request: Request, maxBytes: number): Promise<Buffer> {
  const declared = Number(request.headers.get("content-length") ?? NaN);
  if (declared > maxBytes) throw tooLarge(maxBytes);
  if (!request.body) throw new UploadRejected(422, "the request has no body: nothing to import");
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    let chunk: ReadableStreamReadResult<Uint8Array>;
    try {
      chunk = await reader.read();
    } catch {
      throw new UploadRejected(400, `the upload was cut off after ${total} bytes: nothing imported`);
    }
    if (chunk.done) break;
    total += chunk.value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge(maxBytes);
    }
    chunks.push(chunk.value);
  }
  return Buffer.concat(chunks);
}

const tooLarge = (max: number) => new UploadRejected(413, `the request is over the limit of ${max} bytes`);

/** The files of a received body, within the limits on files, their number and their unpacked total. */
export async function unpack(body: Buffer, kind: UploadKind, contentType: string, limits: Limits): Promise<Unpacked> {
  return kind === "gzip" ? unpackTarGz(body, limits) : unpackMultipart(body, contentType, limits);
}

async function unpackTarGz(body: Buffer, limits: Limits): Promise<Unpacked> {
  const max = limits.HVSCOPE_UPLOAD_MAX_UNPACKED_BYTES;
  let tar: Buffer;
  try {
    // zlib stops inflating at maxOutputLength: a gzip bomb costs at most the limit.
    tar = await gunzipAsync(body, { maxOutputLength: max });
  } catch (e) {
    if (e instanceof RangeError) throw new UploadRejected(413, `the archive unpacks to more than ${max} bytes`);
    throw new UploadRejected(422, `the body is not gzip data (${e instanceof Error ? e.message : String(e)})`);
  }
  return { files: readTar(tar, limits.HVSCOPE_UPLOAD_MAX_FILES, limits.HVSCOPE_UPLOAD_MAX_FILE_BYTES), fields: {} };
}

async function unpackMultipart(body: Buffer, contentType: string, limits: Limits): Promise<Unpacked> {
  let form: FormData;
  try {
    form = await new Response(new Uint8Array(body), { headers: { "content-type": contentType } }).formData();
  } catch (e) {
    throw new UploadRejected(422, `malformed multipart/form-data body (${e instanceof Error ? e.message : String(e)})`);
  }
  const parts = form.getAll("file").filter((p): p is File => typeof p !== "string");
  if (parts.length > limits.HVSCOPE_UPLOAD_MAX_FILES)
    throw new UploadRejected(413, `more than ${limits.HVSCOPE_UPLOAD_MAX_FILES} files in one upload`);
  const files: TarFile[] = [];
  let total = 0;
  for (const part of parts) {
    const path = safeRelativePath(part.name);
    if (part.size > limits.HVSCOPE_UPLOAD_MAX_FILE_BYTES)
      throw new UploadRejected(
        413,
        `${path}: ${part.size} bytes, over the limit of ${limits.HVSCOPE_UPLOAD_MAX_FILE_BYTES} bytes per file`,
      );
    total += part.size;
    if (total > limits.HVSCOPE_UPLOAD_MAX_UNPACKED_BYTES)
      throw new UploadRejected(413, `the files total more than ${limits.HVSCOPE_UPLOAD_MAX_UNPACKED_BYTES} bytes`);
    files.push({ path, data: Buffer.from(await part.arrayBuffer()) });
  }
  const field = (name: string) => {
    const v = form.get(name);
    return typeof v === "string" && v.trim() !== "" ? v.trim() : undefined;
  };
  const manifestPart = form.get("manifest");
  const manifest =
    manifestPart === null
      ? undefined
      : typeof manifestPart === "string"
        ? { path: "hvscope.yaml", data: Buffer.from(manifestPart) }
        : {
            path: manifestPart.name.endsWith(".json") ? "hvscope.json" : "hvscope.yaml",
            data: Buffer.from(await manifestPart.arrayBuffer()),
          };
  return { files, fields: { dataset: field("dataset"), host: field("host"), runtime: field("runtime") }, manifest };
}
