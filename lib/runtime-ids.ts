/**
 * Canonical runtime ids and the rules that map names found in raw data onto them (README,
 * "Labels"; what each system is: lib/catalog/runtime-facts.ts). Anything that maps to nothing is
 * kept under its own name and flagged `known: false`, never dropped.
 */
export const RUNTIMES = {
  // No sandbox: the host's own processes. The id predates VM hosts; the host facts say which (decision 012).
  "bare-metal": { family: "none", name: "No sandbox (host)" },
  runc: { family: "container", name: "runc" },
  crun: { family: "container", name: "crun" },
  // gVisor when neither the platform nor a version that implies it was recorded (see runscDefaultPlatform).
  runsc: { family: "application kernel", name: "gVisor (platform not recorded)" },
  "runsc-ptrace": { family: "application kernel", name: "gVisor (ptrace)" },
  "runsc-systrap": { family: "application kernel", name: "gVisor (systrap)" },
  "runsc-kvm": { family: "application kernel", name: "gVisor (KVM)" },
  "kata-qemu": { family: "micro-VM sandbox", name: "Kata (QEMU)" },
  "kata-clh": { family: "micro-VM sandbox", name: "Kata (Cloud Hypervisor)" },
  "kata-fc": { family: "micro-VM sandbox", name: "Kata (Firecracker)" },
  "kata-dragonball": { family: "micro-VM sandbox", name: "Kata (Dragonball)" },
  "kuasar-vmm": { family: "micro-VM sandbox", name: "Kuasar VMM sandboxer" },
  firecracker: { family: "micro-VM", name: "Firecracker" },
  "cloud-hypervisor": { family: "micro-VM", name: "Cloud Hypervisor" },
  "qemu-kvm": { family: "traditional VM", name: "QEMU/KVM" },
} as const;

export type RuntimeId = keyof typeof RUNTIMES;
export const RUNTIME_IDS = Object.keys(RUNTIMES) as [RuntimeId, ...RuntimeId[]];

export function isRuntimeId(s: string): s is RuntimeId {
  return Object.hasOwn(RUNTIMES, s);
}

const BUILTIN_ALIASES: Record<string, RuntimeId> = {
  gvisor: "runsc",
  "io.containerd.runsc.v1": "runsc",
  fc: "firecracker",
  chv: "cloud-hypervisor",
  clh: "cloud-hypervisor",
  qemu: "qemu-kvm",
  metal: "bare-metal",
  host: "bare-metal",
  localhost: "bare-metal",
  native: "bare-metal",
  bare: "bare-metal",
  baremetal: "bare-metal",
  kata: "kata-qemu",
  "kata-runtime": "kata-qemu",
  "io.containerd.runc.v2": "runc",
  "io.containerd.runc.v1": "runc",
};

const GVISOR_PLATFORMS: Record<string, RuntimeId> = {
  ptrace: "runsc-ptrace",
  systrap: "runsc-systrap",
  kvm: "runsc-kvm",
};

const KATA_VMMS: Record<string, RuntimeId> = {
  qemu: "kata-qemu",
  cloudhypervisor: "kata-clh",
  clh: "kata-clh",
  firecracker: "kata-fc",
  fc: "kata-fc",
  dragonball: "kata-dragonball",
};

/** A manifest alias: a runtime id, or an id with the version/variant the name implies. */
export type AliasTarget = string | { runtime: string; version?: string; variant?: string };

export interface ResolvedRuntime {
  id: string;
  known: boolean;
  version?: string;
  variant?: string;
}

/**
 * Resolves a runtime name as written in data or paths. Order: manifest aliases, canonical
 * ids, built-in aliases, containerd shim names (`io.containerd.kata.v2-kata3-qemu`), then
 * the longest known `-`-separated prefix, whose remainder becomes the variant (`fc-api` is
 * Firecracker configured through its API, `qemu-uvm` QEMU with a trimmed machine type); a name
 * known only with its underscores as hyphens (`runsc_kvm`) is that runtime.
 */
export function resolveRuntime(label: string, aliases: Record<string, AliasTarget> = {}): ResolvedRuntime {
  const name = label.trim().toLowerCase();
  const resolved = resolveName(name, aliases);
  if (resolved.known || !name.includes("_")) return resolved;
  // `runsc_kvm`, `kata_qemu`: a file or folder name's underscores for the ids' hyphens.
  const hyphenated = resolveName(name.replaceAll("_", "-"), aliases);
  return hyphenated.known ? hyphenated : resolved;
}

function resolveName(name: string, aliases: Record<string, AliasTarget>): ResolvedRuntime {
  const direct = resolveWhole(name, aliases);
  if (direct) return direct;
  const tokens = name.split("-");
  for (let cut = tokens.length - 1; cut > 0; cut--) {
    const head = resolveWhole(tokens.slice(0, cut).join("-"), aliases);
    if (!head?.known) continue;
    const rest = tokens.slice(cut).join("-");
    return { ...head, variant: head.variant ? `${head.variant}-${rest}` : rest };
  }
  return { id: name, known: false };
}

function resolveWhole(name: string, aliases: Record<string, AliasTarget>): ResolvedRuntime | undefined {
  const alias = Object.hasOwn(aliases, name) ? aliases[name] : undefined;
  if (alias !== undefined) {
    const target = typeof alias === "string" ? { runtime: alias } : alias;
    const inner = resolveWhole(target.runtime.toLowerCase(), {});
    const id = inner?.known ? inner.id : target.runtime;
    return dropUndefined({
      id,
      known: isRuntimeId(id),
      version: target.version ?? inner?.version,
      variant: target.variant ?? inner?.variant,
    });
  }
  if (isRuntimeId(name)) return { id: name, known: true };
  const builtin = BUILTIN_ALIASES[name];
  if (builtin) return { id: builtin, known: true };
  return resolveShim(name);
}

/** containerd shim names, optionally followed by `-<platform>` or `-kata<major>-<vmm>`. */
function resolveShim(name: string): ResolvedRuntime | undefined {
  const gvisor = /^(?:io\.containerd\.runsc\.v1|runsc|gvisor)-(ptrace|systrap|kvm)$/.exec(name);
  if (gvisor) return { id: GVISOR_PLATFORMS[gvisor[1]!]!, known: true };
  const kata = /^(?:io\.containerd\.kata\.v2|kata)(?:-kata(\d+))?(?:-([a-z]+))?$/.exec(name);
  if (!kata) return undefined;
  const id = kata[2] ? KATA_VMMS[kata[2]] : "kata-qemu";
  if (!id) return undefined;
  return dropUndefined({ id, known: true, version: kata[1] });
}

/** The first gVisor release whose runsc defaults to systrap (commit e5f2478bee8d, 2023-06-13); ptrace before it. */
const SYSTRAP_DEFAULT_SINCE = "20230621.0";

/**
 * The platform a runsc started without `--platform` used: ptrace before release-20230621.0,
 * systrap from it on. Undefined when the version is not a gVisor release (`release-YYYYMMDD.N`,
 * in any spelling upstreamVersion understands), so nothing is guessed.
 */
export function runscDefaultPlatform(version: string): RuntimeId | undefined {
  const release = /^release-(\d{8})(?:\.(\d+))?$/.exec(upstreamVersion("runsc", version));
  if (!release) return undefined;
  const [date, patch = "0"] = [release[1]!, release[2]];
  const [sinceDate, sincePatch] = SYSTRAP_DEFAULT_SINCE.split(".") as [string, string];
  const before = date < sinceDate || (date === sinceDate && Number(patch) < Number(sincePatch));
  return before ? "runsc-ptrace" : "runsc-systrap";
}

/**
 * The runtime id once the version is known: a gVisor without a recorded platform (`runsc`) takes
 * its release's default platform; any other id, or a version that names no release, stays as is.
 */
export function withVersionDefaults(id: string, version: string | undefined): string {
  if (id !== "runsc" || version === undefined) return id;
  return runscDefaultPlatform(version) ?? id;
}

/**
 * The canonical id a runtime name in a URL stands for: the id itself, or a name that import
 * resolves with the same table (`gvisor`, `fc`, `kata`, containerd shim names) to that id alone.
 * Null for a name that implies a version or variant (`fc-api`, `kata3`), or names nothing known:
 * such values are kept as written and checked against the data (lib/explore/selection.ts).
 */
export function canonicalRuntimeId(name: string): RuntimeId | null {
  const r = resolveRuntime(name);
  return r.known && r.version === undefined && r.variant === undefined && isRuntimeId(r.id) ? r.id : null;
}

/**
 * A version as the runtime's project names it, from what a package prints: Debian's gVisor
 * `0.0~20221219.0` (and gVisor's own apt `20221219.0`) is the release `release-20221219.0`; a
 * Debian repack suffix (`1.1.5+ds1`) is dropped. Anything else is kept as written.
 */
export function upstreamVersion(id: string, raw: string): string {
  const version = raw.trim();
  const gvisorDate = /^(?:0\.0~)?(\d{8}(?:\.\d+)?)$/.exec(version);
  if (id.startsWith("runsc") && gvisorDate) return `release-${gvisorDate[1]}`;
  return version.replace(/\+(?:ds|dfsg)\d*$/, "");
}

function dropUndefined(r: ResolvedRuntime): ResolvedRuntime {
  const out: ResolvedRuntime = { id: r.id, known: r.known };
  if (r.version !== undefined) out.version = r.version;
  if (r.variant !== undefined) out.variant = r.variant;
  return out;
}
