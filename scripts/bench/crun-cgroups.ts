import { readFileSync } from "node:fs";
import { captureOutput } from "./process";

/**
 * crun 1.8 refuses a hybrid cgroup layout (v1 hierarchies plus a v2 mount holding some
 * controllers) with this message. Mounting the controllers left on v2 as v1 hierarchies
 * makes the layout plain v1, which crun accepts; on the project's machines that is hugetlb.
 */
const CRUN_HYBRID_ERROR = "cgroups in hybrid mode not supported";

const UNIFIED_CONTROLLERS = "/sys/fs/cgroup/unified/cgroup.controllers";

export function isCrunHybridError(stderr: string): boolean {
  return stderr.includes(CRUN_HYBRID_ERROR);
}

/** The commands that move each v2 controller to its own v1 hierarchy. */
export function v1MountCommands(controllers: string[]): string[][] {
  return controllers.flatMap((c) => [
    ["mkdir", "-p", `/sys/fs/cgroup/${c}`],
    ["mount", "-t", "cgroup", "-o", c, "cgroup", `/sys/fs/cgroup/${c}`],
  ]);
}

/** Controllers still attached to the cgroup v2 mount (empty when there is none). */
export function controllersLeftOnV2(): string[] {
  try {
    return readFileSync(UNIFIED_CONTROLLERS, "utf8").trim().split(/\s+/).filter(Boolean);
  } catch {
    return [];
  }
}

/** What to tell the user: the exact commands, and the flag that runs them. */
export function crunCgroupAdvice(controllers: string[]): string {
  if (controllers.length === 0)
    return `crun reports "${CRUN_HYBRID_ERROR}", but ${UNIFIED_CONTROLLERS} lists no controller to move; crun cannot be measured on this host`;
  const commands = v1MountCommands(controllers)
    .map((argv) => argv.join(" "))
    .join(" && ");
  return (
    `crun 1.8 refuses this host's hybrid cgroup layout ("${CRUN_HYBRID_ERROR}"): the ${controllers.join(", ")} controller is still on cgroup v2. ` +
    `As root, run: ${commands} (it lasts until reboot), or pass --fix-crun-cgroups to let the harness run exactly that`
  );
}

/** Runs the mounts `crunCgroupAdvice` names; only with --fix-crun-cgroups. */
export async function moveControllersToV1(controllers: string[]): Promise<void> {
  for (const argv of v1MountCommands(controllers)) await captureOutput(argv);
}
