import { existsSync, readFileSync } from "node:fs";
import { basename, join, relative, sep } from "node:path";
import type { Category } from "@/lib/categories";
import type { LoadedManifest } from "@/lib/ingest/manifest/load";
import { fillLabel, fillTemplate, matchPattern } from "@/lib/ingest/manifest/pattern";
import type { ManifestRule } from "@/lib/ingest/manifest/schema";
import type { ParserOptions, ToolId } from "@/lib/parsers/types";
import { resolveRuntime, type AliasTarget } from "@/lib/runtime-ids";
import {
  cpuFromCpuinfo,
  kernelFromUname,
  memoryFromMeminfo,
  osFromOsRelease,
  virtualizationFromCpuinfo,
  virtualizationFromDump,
  type HostFacts,
} from "./host-info";

export interface CliLabels {
  dataset?: string;
  host?: string;
  runtime?: string;
}

export interface FileLabels {
  ignore: boolean;
  dataset: string;
  host: { name: string } & HostFacts;
  /** Raw runtime name; resolved to a canonical id with `aliases` later. */
  runtime?: string;
  /** Set when `runtime` only comes from a path convention, which a runtime named in the content beats. */
  runtimeFromPath?: true;
  /** Set when `runtime` comes from the CLI's --runtime, so that an error can name the flag. */
  runtimeFromFlag?: true;
  version?: string;
  variant?: string;
  workload?: string;
  category?: Category;
  /** Extra placeholders of the matching rule (`mem-{runtime}-{guest_mib}.txt`). */
  params: Record<string, string>;
  parser?: ToolId;
  options?: ParserOptions;
  toolVersion?: string;
  command?: string;
  aliases: Record<string, AliasTarget>;
}

const LABEL_KEYS = ["dataset", "host", "runtime", "version", "variant", "workload", "category"] as const;

const toPosix = (p: string) => p.split(sep).join("/");

/**
 * Labels of one file, by precedence: CLI flags, then the manifest (first matching rule,
 * then its top-level dataset/host), then path conventions (a parent folder or a file-name
 * token that names a known runtime; the ingested folder's name as dataset).
 */
export function labelFile(absPath: string, ingestRoot: string, cli: CliLabels, loaded?: LoadedManifest): FileLabels {
  const manifest = loaded?.manifest;
  const aliases = manifest?.aliases ?? {};
  const relToManifest = loaded ? toPosix(relative(loaded.root, absPath)) : "";
  const ignored = loaded?.ignore.some((p) => matchPattern(p, relToManifest)) ?? false;
  const hit = loaded && !ignored ? findRule(loaded, relToManifest) : undefined;
  const fromRule = hit ? ruleLabels(hit.rule, hit.captures) : {};
  const params = hit ? extraCaptures(hit.captures) : {};

  const hostName = cli.host ?? fromRule.host ?? hostNameOf(manifest?.host) ?? "unknown";
  const relToRoot = toPosix(relative(ingestRoot, absPath));
  const labels: FileLabels = {
    ignore: ignored || hit?.rule.ignore === true,
    dataset: cli.dataset ?? fromRule.dataset ?? manifest?.dataset ?? basename(ingestRoot),
    host: { name: hostName, ...(loaded ? readHostFacts(loaded, hostName) : {}) },
    params,
    aliases,
  };
  const explicitRuntime = cli.runtime ?? fromRule.runtime;
  const runtime = explicitRuntime ?? runtimeFromPath(relToRoot, aliases);
  assignDefined(labels, {
    runtime,
    runtimeFromPath: runtime !== undefined && explicitRuntime === undefined ? true : undefined,
    runtimeFromFlag: cli.runtime !== undefined ? true : undefined,
    version: fromRule.version,
    variant: fromRule.variant,
    workload: fromRule.workload,
    category: hit?.rule.category,
    parser: hit?.rule.parser,
    options: hit?.rule.options,
    toolVersion: hit?.rule.tool_version,
    command: hit?.rule.command ? fillTemplate(hit.rule.command, hit.captures) : undefined,
  });
  return labels;
}

function findRule(loaded: LoadedManifest, rel: string) {
  for (const { rule, pattern } of loaded.rules) {
    const captures = matchPattern(pattern, rel);
    if (captures) return { rule, captures };
  }
  return undefined;
}

function ruleLabels(
  rule: ManifestRule,
  captures: Record<string, string>,
): Partial<Record<(typeof LABEL_KEYS)[number], string>> {
  const out: Partial<Record<(typeof LABEL_KEYS)[number], string>> = {};
  for (const key of LABEL_KEYS) {
    const template = rule[key];
    const value = template !== undefined ? fillLabel(template, captures) : captures[key];
    if (value !== undefined) out[key] = value;
  }
  return out;
}

function extraCaptures(captures: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(captures).filter(([k]) => !(LABEL_KEYS as readonly string[]).includes(k)));
}

function hostNameOf(host: NonNullable<LoadedManifest["manifest"]["host"]> | undefined): string | undefined {
  return typeof host === "string" ? host : host?.name;
}

const hostFactsCache = new Map<string, HostFacts>();

/**
 * Facts of a host from the manifest, read once per manifest and host; unreadable dumps leave
 * fields unknown. The dumps are read from the host's own folder when the manifest's root holds
 * one (a folder of hosts, such as a clone's data/), else from the root for the manifest's host.
 */
function readHostFacts(loaded: LoadedManifest, hostName: string): HostFacts {
  const key = `${loaded.path}\u0000${hostName}`;
  const cached = hostFactsCache.get(key);
  if (cached) return cached;
  const host = loaded.manifest.host;
  const isManifestHost = hostNameOf(host) === hostName;
  const hostDir = join(loaded.root, hostName);
  const ownFolder = /^[\w.-]+$/.test(hostName) && !/^\.+$/.test(hostName) && existsSync(hostDir);
  const base = ownFolder ? hostDir : isManifestHost ? loaded.root : null;
  const facts: HostFacts = {};
  if (host && typeof host !== "string" && base !== null) {
    // A dump that is not there (a subfolder was ingested) leaves that fact unknown.
    const read = (file?: string) => {
      if (!file) return undefined;
      try {
        return readFileSync(join(base, file), "utf8");
      } catch {
        return undefined;
      }
    };
    const uname = read(host.sysinfo?.uname);
    const cpuinfo = read(host.sysinfo?.cpuinfo);
    const meminfo = read(host.sysinfo?.meminfo);
    const osRelease = read(host.sysinfo?.os_release);
    const virtualization = read(host.sysinfo?.virtualization);
    // Facts written in the manifest itself describe the manifest's host only.
    const given: Partial<typeof host> = isManifestHost ? host : {};
    assignDefined(facts, {
      kernel: given.kernel ?? (uname ? kernelFromUname(uname) : undefined),
      ...(cpuinfo ? cpuFromCpuinfo(cpuinfo) : {}),
      memoryBytes: given.memory_bytes ?? (meminfo ? memoryFromMeminfo(meminfo) : undefined),
      os: given.os ?? (osRelease ? osFromOsRelease(osRelease) : undefined),
      virtualization:
        given.virtualization ??
        (virtualization ? virtualizationFromDump(virtualization) : undefined) ??
        (cpuinfo ? virtualizationFromCpuinfo(cpuinfo) : undefined),
    });
    if (given.cpu_model) facts.cpuModel = given.cpu_model;
    if (given.cpu_count) facts.cpuCount = given.cpu_count;
  }
  hostFactsCache.set(key, facts);
  return facts;
}

/** `<runtime>/<file>` (nearest folder first), else a runtime alias among the file name's tokens. */
function runtimeFromPath(rel: string, aliases: Record<string, AliasTarget>): string | undefined {
  const parts = rel.split("/");
  const file = parts.pop() ?? "";
  for (const dir of parts.reverse()) if (resolveRuntime(dir, aliases).known) return dir;
  const tokens = file.replace(/\.[^.]+$/, "").split(/[-_.]/);
  // Longest run first, so `runsc-kvm` wins over `runsc`.
  for (let len = Math.min(3, tokens.length); len > 0; len--)
    for (let i = 0; i + len <= tokens.length; i++) {
      const candidate = tokens.slice(i, i + len).join("-");
      const resolved = resolveRuntime(candidate, aliases);
      if (resolved.known && !resolved.variant) return candidate;
    }
  return undefined;
}

function assignDefined<T extends object>(target: T, values: { [K in keyof T]?: T[K] | undefined }): void {
  for (const [k, v] of Object.entries(values)) if (v !== undefined) (target as Record<string, unknown>)[k] = v;
}
