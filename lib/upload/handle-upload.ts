import type { ImportSummary } from "@/db/ingest/import-types";
import { countUploadTokens, findUploadToken } from "@/db/queries/upload-tokens";
import type { UploadToken } from "@/db/schema";
import type { Store } from "@/db/store";
import { readEnv, type Env } from "@/lib/env";
import { labelsFor, manifestResolver } from "@/lib/ingest/prepare";
import { findFiles } from "@/lib/ingest/walk";
import { serializePermalink } from "@/lib/search-params";
import { readBody, unpack, uploadKind, type Unpacked } from "./body";
import { RateLimiter } from "./rate-limit";
import { UploadRejected } from "./rejected";
import { stageUpload, type Staged } from "./stage";
import { datasetAllowed } from "./token";

const HOW_TO_ENABLE = "an operator enables uploads with `npm run token -- create NAME` on the server";

export interface UploadDeps {
  env?: Env;
  limiter?: RateLimiter;
}

let defaultLimiter: RateLimiter | undefined;
/** Imports run one at a time: on SQLite the import's transactions own the write connection while they run. */
let importQueue: Promise<unknown> = Promise.resolve();

/**
 * `POST /api/imports`: checks the token, reads and unpacks the whole body within the limits,
 * writes it to a private temp folder and runs the CLI's import on it (decision 015). Every
 * refusal is a 4xx `{ error }`; every upload is logged on stderr.
 */
export async function handleUpload(request: Request, store: Store, deps: UploadDeps = {}): Promise<Response> {
  const env = deps.env ?? readEnv();
  const limiter = deps.limiter ?? (defaultLimiter ??= new RateLimiter(env.HVSCOPE_UPLOAD_PER_MINUTE));
  const log = { token: "-", bytes: 0, files: 0 };
  const done = (response: Response, outcome: string) => {
    console.error(
      `[upload] token=${log.token} bytes=${log.bytes} files=${log.files} status=${response.status} ${outcome}`,
    );
    return response;
  };
  let staged: Staged | undefined;
  try {
    const token = await authenticate(store, request);
    log.token = token.name;
    const wait = limiter.take(token.name);
    if (wait > 0)
      throw new UploadRejected(
        429,
        `too many uploads with token "${token.name}": at most ${env.HVSCOPE_UPLOAD_PER_MINUTE} a minute; retry in ${wait} s`,
        { "retry-after": String(wait) },
      );
    const contentType = request.headers.get("content-type") ?? "";
    const kind = uploadKind(contentType);
    const body = await readBody(request, env.HVSCOPE_UPLOAD_MAX_REQUEST_BYTES);
    log.bytes = body.length;
    const upload = await unpack(body, kind, contentType, env);
    if (kind === "gzip") upload.fields = fieldsOf(new URL(request.url).searchParams);
    log.files = upload.files.length;
    if (upload.files.length === 0) throw new UploadRejected(422, "the upload holds no files: nothing to import");
    staged = stageUpload(upload);
    const datasets = datasetsOf(staged, upload);
    const refused = datasets.filter((d) => !datasetAllowed(token.datasetPattern, d));
    if (refused.length > 0)
      throw new UploadRejected(
        403,
        `token "${token.name}" may upload only to datasets matching "${token.datasetPattern}", not to ${refused.map((d) => JSON.stringify(d)).join(", ")}`,
      );
    const { root, base } = staged;
    const run = importQueue.then(() =>
      store.importPaths([root], {
        ...upload.fields,
        argv: ["POST /api/imports", `token=${token.name}`],
        manifestsWithin: base,
        // The prepare-ahead worker runs TypeScript through tsx, which only the CLI has.
        prepareAhead: false,
      }),
    );
    importQueue = run.catch(() => {});
    const summary = await run;
    const json = answer(withoutTempPaths(summary, staged), datasets);
    if (summary.imported + summary.skipped === 0)
      return done(
        Response.json(
          { error: "nothing importable: no file was stored or found stored already", ...json },
          { status: 422 },
        ),
        "nothing importable",
      );
    return done(
      Response.json(json),
      `imported=${summary.imported} skipped=${summary.skipped} failed=${summary.failed.length}`,
    );
  } catch (e) {
    if (!(e instanceof UploadRejected)) throw e;
    return done(Response.json({ error: e.message }, { status: e.status, headers: e.headers }), e.message);
  } finally {
    staged?.cleanup();
  }
}

async function authenticate({ db }: Store, request: Request): Promise<UploadToken> {
  if ((await countUploadTokens(db)) === 0)
    throw new UploadRejected(403, `uploads are off on this instance (no upload token exists): ${HOW_TO_ENABLE}`);
  const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get("authorization") ?? "");
  if (!match)
    throw new UploadRejected(401, `send a token as "Authorization: Bearer TOKEN" (${HOW_TO_ENABLE})`, {
      "www-authenticate": "Bearer",
    });
  const token = await findUploadToken(db, match[1]!);
  if (!token)
    throw new UploadRejected(401, "unknown or revoked token", { "www-authenticate": 'Bearer error="invalid_token"' });
  return token;
}

function fieldsOf(params: URLSearchParams): Unpacked["fields"] {
  const get = (name: string) => params.get(name)?.trim() || undefined;
  return { dataset: get("dataset"), host: get("host"), runtime: get("runtime") };
}

/** The datasets the files will be stored under, labelled as the import will label them. */
function datasetsOf(staged: Staged, upload: Unpacked): string[] {
  const manifestFor = manifestResolver(undefined, staged.base);
  const datasets = new Set<string>();
  try {
    for (const found of findFiles([staged.root])) {
      const labels = labelsFor(found, upload.fields, manifestFor);
      if (labels) datasets.add(labels.dataset);
    }
  } catch (e) {
    throw new UploadRejected(422, `${e instanceof Error ? e.message : String(e)}`.replaceAll(`${staged.base}/`, ""));
  }
  return [...datasets].sort();
}

/** Failure messages name files as the sender knows them, not by the server's temp folder. */
function withoutTempPaths(summary: ImportSummary, staged: Staged): ImportSummary {
  return JSON.parse(JSON.stringify(summary).replaceAll(`${staged.base}/`, "")) as ImportSummary;
}

/** The CLI's `--json` summary, the import's id and a permalink per dataset, pinned to that import. */
function answer(summary: ImportSummary, datasets: string[]) {
  const { files, imported, skipped, failed, samples, ignored, manifests, importId } = summary;
  const passedOver = summary.passedOver.map(({ file, reason }) => ({ file, reason }));
  const permalinks = datasets.map((dataset) => serializePermalink("/explore", { dataset, asof: importId ?? null }));
  return {
    files,
    imported,
    skipped,
    failed,
    samples,
    passedOver,
    ignored,
    manifests,
    importId,
    permalink: permalinks[0],
    permalinks,
  };
}
