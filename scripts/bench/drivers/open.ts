import { accessSync, constants, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { delimiter, join } from "node:path";
import { controllersLeftOnV2, crunCgroupAdvice, isCrunHybridError, moveControllersToV1 } from "../crun-cgroups";
import { parseBaseSpec, type OciSpec } from "../oci-spec";
import type { EngineId, RuntimeRequest } from "../cli-options";
import { upstreamVersion } from "@/lib/runtime-ids";
import { captureOutput, describeExit, runProcess } from "../process";
import { inspectHostDirs, planRootfs } from "../rootfs";
import { BareMetalDriver } from "./bare-metal";
import { RuntimeUnavailable, type RuntimeDriver, type RuntimeVersion } from "./driver";
import { EngineDriver, type EngineRuntime } from "./engine";
import { OciDriver, type OciFlavor } from "./oci";

export interface OpenContext {
  /** Per-run work folder; each runtime gets a subfolder. */
  workRoot: string;
  runId: string;
  engine?: EngineId;
  image?: string;
  fixCrunCgroups: boolean;
  log(message: string): void;
}

const FLAVORS: Record<string, OciFlavor> = {
  runc: { binary: "runc" },
  crun: { binary: "crun" },
  "runsc-ptrace": { binary: "runsc", platform: "ptrace" },
  "runsc-systrap": { binary: "runsc", platform: "systrap" },
};

const PREFLIGHT_MARK = "hvscope-preflight-ok";
const PREFLIGHT_TIMEOUT_MS = 60_000;

/**
 * A driver for one `--runtime` entry, after a trial container proved that it works here.
 * Throws RuntimeUnavailable with the reason and what to do; the run goes on without it.
 */
export async function openDriver(request: RuntimeRequest, ctx: OpenContext): Promise<RuntimeDriver> {
  const workDir = join(ctx.workRoot, request.label);
  mkdirSync(workDir, { recursive: true, mode: 0o755 });
  if (request.label === "bare-metal") return new BareMetalDriver(workDir, ctx.runId);
  const driver = ctx.engine
    ? await engineDriver(request, ctx.engine, ctx.image, workDir)
    : await ociDriver(request.label, workDir);
  await preflight(driver, ctx);
  return driver;
}

async function engineDriver(
  request: RuntimeRequest,
  engine: EngineId,
  image: string | undefined,
  workDir: string,
): Promise<EngineDriver> {
  if (!findExecutable(engine)) throw new RuntimeUnavailable(`${engine} is not installed (no ${engine} on PATH)`);
  const name = request.engineRuntime ?? request.label;
  // podman runs an OCI runtime binary itself: a runtime the harness also drives directly is
  // named by its binary, with gVisor's platform and network as runtime flags.
  const flavor = engine === "podman" && name === request.label ? FLAVORS[name] : undefined;
  const runtime = flavor ? podmanRuntime(flavor) : { name, flags: () => [] };
  const version =
    flavor && findExecutable(flavor.binary) ? await runtimeVersion(request.label, flavor.binary) : undefined;
  return new EngineDriver(request.label, engine, runtime, image, planRootfs(inspectHostDirs()), workDir, version);
}

/** runsc refuses the root network namespace with its own netstack: `network=host` or `none` always. */
function podmanRuntime(flavor: OciFlavor): EngineRuntime {
  if (flavor.binary !== "runsc") return { name: flavor.binary, flags: () => [] };
  const platform = `platform=${flavor.platform ?? "ptrace"}`;
  return { name: "runsc", flags: (network) => [platform, `network=${network === "host" ? "host" : "none"}`] };
}

async function ociDriver(label: string, workDir: string): Promise<OciDriver> {
  const flavor = FLAVORS[label];
  if (!flavor) throw new RuntimeUnavailable(`${label}: not a runtime the harness drives from a bundle`);
  if (!findExecutable(flavor.binary))
    throw new RuntimeUnavailable(`${flavor.binary} is not installed (Debian: apt-get install -y ${flavor.binary})`);
  const version = await runtimeVersion(label, flavor.binary);
  return new OciDriver(label, flavor, version, workDir, await baseSpec(flavor.binary), planRootfs(inspectHostDirs()));
}

/** `runc version 1.1.5+ds1` (first line of `--version`) -> `1.1.5+ds1`. */
function versionFromOutput(text: string): string | undefined {
  return /\bversion\s+(\S+)/.exec(text.split("\n", 1)[0] ?? "")?.[1];
}

/** Recorded as upstream names it, as ingest stores it (lib/runtime-ids.ts upstreamVersion). */
async function runtimeVersion(label: string, binary: string): Promise<RuntimeVersion> {
  const printed = versionFromOutput(await captureOutput([binary, "--version"]));
  if (!printed) throw new RuntimeUnavailable(`${binary} --version printed no version`);
  return { version: upstreamVersion(label, printed), versionAsPrinted: printed };
}

let cachedSpec: OciSpec | undefined;

/** Every bundle starts from `runc spec` (or the runtime's own `spec` when runc is absent). */
async function baseSpec(binary: string): Promise<OciSpec> {
  if (cachedSpec) return cachedSpec;
  const generator = findExecutable("runc") ? "runc" : binary;
  const dir = mkdtempSync(join(process.env.TMPDIR ?? "/tmp", "hvscope-spec-"));
  try {
    await captureOutput([generator, "spec"], 30_000, { cwd: dir });
    cachedSpec = parseBaseSpec(readFileSync(join(dir, "config.json"), "utf8"), `${generator} spec`);
    return cachedSpec;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A trial container that must print a marker; known failures get a message that says what to do. */
async function preflight(driver: RuntimeDriver, ctx: OpenContext, fixed = false): Promise<void> {
  const name = `hvscope-${ctx.runId}-preflight`;
  const run = driver.prepare({ name, args: ["sh", "-c", `echo ${PREFLIGHT_MARK}`], cwd: "tmp", network: "isolated" });
  try {
    const r = await runProcess(run.argv, PREFLIGHT_TIMEOUT_MS, { cwd: run.cwd, env: run.env });
    if (r.code === 0 && r.stdout.includes(PREFLIGHT_MARK)) return;
    if (driver.label === "crun" && isCrunHybridError(r.stderr)) {
      const controllers = controllersLeftOnV2();
      if (!ctx.fixCrunCgroups || fixed || controllers.length === 0)
        throw new RuntimeUnavailable(crunCgroupAdvice(controllers));
      ctx.log(`crun: moving the ${controllers.join(", ")} cgroup controller to cgroup v1 (--fix-crun-cgroups)`);
      await moveControllersToV1(controllers);
      return await preflight(driver, ctx, true);
    }
    if (/unknown platform: systrap/.test(r.stderr))
      throw new RuntimeUnavailable(
        `runsc ${driver.version ?? ""} has no systrap platform (the release predates it); install a newer gVisor release to measure runsc-systrap`,
      );
    const detail = r.stderr.trim().split("\n").slice(-5).join("\n  ");
    throw new RuntimeUnavailable(
      `a trial container failed (${describeExit(r, PREFLIGHT_TIMEOUT_MS)})${detail ? `:\n  ${detail}` : ""}`,
    );
  } finally {
    await driver.remove(name);
  }
}

function findExecutable(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? "").split(delimiter)) {
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // Not in this folder.
    }
  }
  return undefined;
}
