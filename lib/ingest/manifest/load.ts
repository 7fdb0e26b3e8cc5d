import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { compilePattern, type PathPattern } from "./pattern";
import { manifestSchema, type Manifest, type ManifestRule } from "./schema";

export const MANIFEST_NAMES = ["hvscope.yaml", "hvscope.yml", "hvscope.json"] as const;

export interface LoadedManifest {
  path: string;
  /** Folder that rule patterns are relative to. */
  root: string;
  manifest: Manifest;
  rules: { rule: ManifestRule; pattern: PathPattern }[];
  ignore: PathPattern[];
}

/** Reads and validates a manifest; errors name the file and the offending field. */
export function loadManifest(path: string, root = dirname(path)): LoadedManifest {
  const text = readFileSync(path, "utf8");
  let data: unknown;
  try {
    data = path.endsWith(".json") ? JSON.parse(text) : parseYaml(text);
  } catch (e) {
    throw new Error(
      `${path}: not valid ${path.endsWith(".json") ? "JSON" : "YAML"}: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
  const parsed = manifestSchema.safeParse(data ?? {});
  if (!parsed.success) throw new Error(`${path}: invalid manifest:\n${z.prettifyError(parsed.error)}`);
  const manifest = parsed.data;
  try {
    return {
      path,
      root: resolve(root),
      manifest,
      rules: manifest.files.map((rule) => ({ rule, pattern: compilePattern(rule.match) })),
      ignore: manifest.ignore.map(compilePattern),
    };
  } catch (e) {
    throw new Error(`${path}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/**
 * The nearest hvscope.yaml/.json in `dir` or an ancestor, if any; not above `top` when given (an
 * upload's temp folder: a manifest someone left in /tmp must not relabel it).
 */
export function findManifest(dir: string, top?: string): string | undefined {
  // The folder is the import's, never the app's: the server build must not trace the project from here.
  for (let d = resolve(/* turbopackIgnore: true */ dir); ; d = dirname(d)) {
    for (const name of MANIFEST_NAMES) {
      const candidate = join(/* turbopackIgnore: true */ d, name);
      if (existsSync(/* turbopackIgnore: true */ candidate)) return candidate;
    }
    if (dirname(d) === d || (top !== undefined && d === resolve(/* turbopackIgnore: true */ top))) return undefined;
  }
}
