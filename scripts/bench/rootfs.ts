import { lstatSync, mkdirSync, readlinkSync, symlinkSync } from "node:fs";
import { join } from "node:path";

/**
 * The host folders a sandbox sees, read-only: the benchmark tools and their libraries are the
 * host's own binaries, so every runtime runs exactly the same programs as bare metal.
 */
const HOST_DIRS = ["/usr", "/lib", "/lib64", "/bin", "/sbin", "/etc"] as const;

export interface HostDirEntry {
  path: string;
  /** Set when the host folder is a symbolic link (merged /usr: /bin -> usr/bin). */
  symlink?: string;
}

export interface RootfsPlan {
  binds: string[];
  links: { path: string; target: string }[];
}

/**
 * Real folders are bind-mounted; symbolic links are recreated inside the rootfs, because a bind
 * mount of `/bin` would follow the link and hide that `/bin` and `/usr/bin` are one folder.
 */
export function planRootfs(entries: HostDirEntry[]): RootfsPlan {
  return {
    binds: entries.filter((e) => e.symlink === undefined).map((e) => e.path),
    links: entries.flatMap((e) => (e.symlink === undefined ? [] : [{ path: e.path, target: e.symlink }])),
  };
}

/** What each of `dirs` is on this host; missing ones (no /lib64 on some architectures) are left out. */
export function inspectHostDirs(dirs: readonly string[] = HOST_DIRS): HostDirEntry[] {
  return dirs.flatMap((path): HostDirEntry[] => {
    const stat = lstatSync(path, { throwIfNoEntry: false });
    if (!stat) return [];
    return stat.isSymbolicLink() ? [{ path, symlink: readlinkSync(path) }] : [{ path }];
  });
}

/** Creates the skeleton: an empty folder for each mount point, and the planned links. */
export function buildRootfs(root: string, plan: RootfsPlan, mountPoints: string[]): void {
  const linked = new Set(plan.links.map((l) => l.path));
  for (const point of mountPoints)
    if (!linked.has(point)) mkdirSync(join(root, point), { recursive: true, mode: 0o755 });
  for (const { path, target } of plan.links) {
    if (!lstatSync(join(root, path), { throwIfNoEntry: false })) symlinkSync(target, join(root, path));
  }
}
