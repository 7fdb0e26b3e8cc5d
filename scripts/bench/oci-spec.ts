import { z } from "zod";

/**
 * The parts of an OCI runtime spec (config.json) that the harness reads or changes; every
 * other field of the `runc spec` default passes through untouched.
 */
const ociSpecSchema = z.looseObject({
  ociVersion: z.string(),
  process: z.looseObject({
    terminal: z.boolean().optional(),
    args: z.array(z.string()),
    env: z.array(z.string()).optional(),
    cwd: z.string(),
    capabilities: z.record(z.string(), z.array(z.string())).optional(),
  }),
  root: z.looseObject({ path: z.string(), readonly: z.boolean().optional() }),
  mounts: z.array(
    z.looseObject({
      destination: z.string(),
      type: z.string().optional(),
      source: z.string().optional(),
      options: z.array(z.string()).optional(),
    }),
  ),
  linux: z.looseObject({ namespaces: z.array(z.looseObject({ type: z.string(), path: z.string().optional() })) }),
});

export type OciSpec = z.infer<typeof ociSpecSchema>;
export type OciMount = OciSpec["mounts"][number];

/**
 * Docker's default capability set (moby/moby, oci/caps/defaults.go). `runc spec` grants only
 * AUDIT_WRITE, KILL and NET_BIND_SERVICE, too little for servers that chown their files or
 * drop to another user (Nginx workers, MariaDB); every sandbox gets Docker's set so that all
 * steps run with the profile a `docker run` container would have.
 */
export const DOCKER_DEFAULT_CAPABILITIES = [
  "CAP_CHOWN",
  "CAP_DAC_OVERRIDE",
  "CAP_FSETID",
  "CAP_FOWNER",
  "CAP_MKNOD",
  "CAP_NET_RAW",
  "CAP_SETGID",
  "CAP_SETUID",
  "CAP_SETFCAP",
  "CAP_SETPCAP",
  "CAP_NET_BIND_SERVICE",
  "CAP_SYS_CHROOT",
  "CAP_KILL",
  "CAP_AUDIT_WRITE",
] as const;

/**
 * `isolated`: the sandbox's own network namespace (runc, crun) or netstack (gVisor
 * `--network=none`), with only a loopback interface. `host`: the host's network, so that a
 * server in the sandbox can be reached on the host's 127.0.0.1.
 */
export type NetworkMode = "isolated" | "host";

export interface SandboxSpecOptions {
  args: string[];
  cwd: string;
  env: string[];
  network: NetworkMode;
  /** Absolute path of the (read-only) root filesystem skeleton. */
  rootfs: string;
  /** Host folders mounted read-only at the same path (/usr, /etc...). */
  readOnlyBinds: string[];
  /** Writable host folder for disk benchmarks and server data. */
  scratch: { host: string; sandbox: string };
  /** In-memory writable folder for pid files, sockets and temp files. */
  tmp: { sandbox: string; sizeMiB: number };
}

/** Reads a base spec (the output of `runc spec`); a bad one fails with the field at fault. */
export function parseBaseSpec(text: string, source: string): OciSpec {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new Error(`${source}: not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
  const parsed = ociSpecSchema.safeParse(data);
  if (!parsed.success) throw new Error(`${source}: not an OCI runtime spec:\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/** The base spec turned into one benchmark sandbox; the base is not modified. */
export function sandboxSpec(base: OciSpec, o: SandboxSpecOptions): OciSpec {
  const spec = structuredClone(base);
  const caps = [...DOCKER_DEFAULT_CAPABILITIES];
  spec.process = {
    ...spec.process,
    // No terminal: outputs are captured through pipes, and runsc/runc refuse a terminal without a console socket.
    terminal: false,
    args: o.args,
    cwd: o.cwd,
    env: o.env,
    // As Docker sets them; ambient/inheritable sets are empty under Docker, and root needs none.
    capabilities: { bounding: caps, effective: caps, permitted: caps },
  };
  spec.root = { ...spec.root, path: o.rootfs, readonly: true };
  const extra: OciMount[] = [
    ...o.readOnlyBinds.map((dir) => ({ destination: dir, type: "bind", source: dir, options: ["rbind", "ro"] })),
    {
      destination: o.tmp.sandbox,
      type: "tmpfs",
      source: "tmpfs",
      options: ["nosuid", "nodev", "mode=1777", `size=${o.tmp.sizeMiB}m`],
    },
    { destination: o.scratch.sandbox, type: "bind", source: o.scratch.host, options: ["rbind", "rw"] },
  ];
  const taken = new Set(extra.map((m) => m.destination));
  spec.mounts = [...spec.mounts.filter((m) => !taken.has(m.destination)), ...extra];
  if (o.network === "host")
    spec.linux = { ...spec.linux, namespaces: spec.linux.namespaces.filter((ns) => ns.type !== "network") };
  return spec;
}

/** Folders the rootfs skeleton must hold so that every mount has a mount point. */
export function mountPointsOf(spec: OciSpec): string[] {
  return [...new Set(spec.mounts.map((m) => m.destination))].sort();
}
