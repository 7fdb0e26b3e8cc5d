import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";

/**
 * The bundled dataset's name and host as its manifest gives them: the folder is re-made from time
 * to time (data/bundled/README.md), under a new dated name, and the specs must follow it.
 */
function bundledLabels(): { dataset: string; host: string } {
  const manifest = parse(readFileSync(join(import.meta.dirname, "..", "data", "bundled", "hvscope.yaml"), "utf8")) as {
    dataset?: unknown;
    host?: { name?: unknown } | string;
  };
  const host = typeof manifest.host === "string" ? manifest.host : manifest.host?.name;
  if (typeof manifest.dataset !== "string" || typeof host !== "string")
    throw new Error("data/bundled/hvscope.yaml: expected a dataset name and a host name");
  return { dataset: manifest.dataset, host };
}

export const BUNDLED = bundledLabels();
