import { mkdtempSync, readFileSync, readlinkSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  DOCKER_DEFAULT_CAPABILITIES,
  mountPointsOf,
  parseBaseSpec,
  sandboxSpec,
  type SandboxSpecOptions,
} from "./oci-spec";
import { buildRootfs, planRootfs } from "./rootfs";

// The real output of `runc spec` (see __fixtures__/commands.md).
const RUNC_SPEC = readFileSync(join(import.meta.dirname, "__fixtures__", "runc-spec.json"), "utf8");
const base = () => parseBaseSpec(RUNC_SPEC, "runc-spec.json");

const OPTIONS: SandboxSpecOptions = {
  args: ["sysbench", "cpu", "--time=5", "run"],
  cwd: "/tmp",
  env: ["PATH=/usr/bin:/bin", "HOME=/tmp"],
  network: "isolated",
  rootfs: "/work/runc/rootfs",
  readOnlyBinds: ["/usr", "/etc"],
  scratch: { host: "/work/runc/scratch", sandbox: "/scratch" },
  tmp: { sandbox: "/tmp", sizeMiB: 512 },
};

const namespaces = (spec: ReturnType<typeof base>) => spec.linux.namespaces.map((n) => n.type);

describe("sandbox spec from runc spec", () => {
  it("runs the command without a terminal, with Docker's capabilities and the given environment", () => {
    const { process } = sandboxSpec(base(), OPTIONS);
    expect(process).toMatchObject({
      terminal: false,
      args: OPTIONS.args,
      cwd: "/tmp",
      env: OPTIONS.env,
      user: { uid: 0, gid: 0 },
    });
    const caps = [...DOCKER_DEFAULT_CAPABILITIES];
    expect(process.capabilities).toEqual({ bounding: caps, effective: caps, permitted: caps });
    // runc spec's defaults that the harness keeps.
    expect(process).toMatchObject({
      noNewPrivileges: true,
      rlimits: [{ type: "RLIMIT_NOFILE", hard: 1024, soft: 1024 }],
    });
  });

  it("mounts the host folders read-only, a tmpfs on /tmp and the scratch folder writable, after runc's own mounts", () => {
    const spec = sandboxSpec(base(), OPTIONS);
    expect(spec.root).toEqual({ path: "/work/runc/rootfs", readonly: true });
    expect(spec.mounts.map((m) => m.destination)).toEqual([
      "/proc",
      "/dev",
      "/dev/pts",
      "/dev/shm",
      "/dev/mqueue",
      "/sys",
      "/sys/fs/cgroup",
      "/usr",
      "/etc",
      "/tmp",
      "/scratch",
    ]);
    expect(spec.mounts.slice(-4)).toEqual([
      { destination: "/usr", type: "bind", source: "/usr", options: ["rbind", "ro"] },
      { destination: "/etc", type: "bind", source: "/etc", options: ["rbind", "ro"] },
      { destination: "/tmp", type: "tmpfs", source: "tmpfs", options: ["nosuid", "nodev", "mode=1777", "size=512m"] },
      { destination: "/scratch", type: "bind", source: "/work/runc/scratch", options: ["rbind", "rw"] },
    ]);
    expect(mountPointsOf(spec)).toContain("/scratch");
  });

  it("keeps the network namespace for isolated steps and drops only it for servers on the host network", () => {
    expect(namespaces(sandboxSpec(base(), OPTIONS))).toEqual(["pid", "network", "ipc", "uts", "mount"]);
    expect(namespaces(sandboxSpec(base(), { ...OPTIONS, network: "host" }))).toEqual(["pid", "ipc", "uts", "mount"]);
  });

  it("leaves the base spec untouched and keeps fields it does not know", () => {
    const spec = base();
    const before = JSON.stringify(spec);
    const out = sandboxSpec(spec, { ...OPTIONS, network: "host" });
    expect(JSON.stringify(spec)).toBe(before);
    expect(out).toMatchObject({
      ociVersion: "1.0.2-dev",
      hostname: "runc",
      linux: { maskedPaths: expect.arrayContaining(["/proc/kcore"]) },
    });
  });

  it("rejects a base that is not JSON or not a runtime spec, naming the field", () => {
    expect(() => parseBaseSpec("{", "x.json")).toThrow(/^x\.json: not valid JSON/);
    const noArgs = JSON.parse(RUNC_SPEC);
    delete noArgs.process.args;
    expect(() => parseBaseSpec(JSON.stringify(noArgs), "y.json")).toThrow(
      /y\.json: not an OCI runtime spec:[\s\S]*process\.args/,
    );
  });
});

describe("rootfs skeleton", () => {
  // Debian 12 (merged /usr): /bin, /lib, /lib64 and /sbin are links into /usr.
  const MERGED_USR = [
    { path: "/usr" },
    { path: "/lib", symlink: "usr/lib" },
    { path: "/lib64", symlink: "usr/lib64" },
    { path: "/bin", symlink: "usr/bin" },
    { path: "/etc" },
  ];

  it("bind-mounts real folders and recreates links", () => {
    expect(planRootfs(MERGED_USR)).toEqual({
      binds: ["/usr", "/etc"],
      links: [
        { path: "/lib", target: "usr/lib" },
        { path: "/lib64", target: "usr/lib64" },
        { path: "/bin", target: "usr/bin" },
      ],
    });
  });

  it("creates a folder per mount point and the links, and can run twice", () => {
    const root = mkdtempSync(join(tmpdir(), "hvscope-rootfs-"));
    try {
      for (let i = 0; i < 2; i++) buildRootfs(root, planRootfs(MERGED_USR), ["/proc", "/usr", "/scratch", "/dev/pts"]);
      expect(statSync(join(root, "dev/pts")).isDirectory()).toBe(true);
      expect(statSync(join(root, "scratch")).mode & 0o777).toBe(0o755);
      expect(readlinkSync(join(root, "bin"))).toBe("usr/bin");
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
