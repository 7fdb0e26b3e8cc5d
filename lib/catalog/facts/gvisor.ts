import type { RuntimeId } from "@/lib/runtime-ids";
import type { Claim, RuntimeFacts } from "../types";

/** One sentence; `how` names the platform's interception mechanism. */
const boundary = (how: string) =>
  `gVisor's Sentry, an application kernel written in Go that runs as a restricted host process, serves every system call (${how}); it reaches the host only through its own seccomp-filtered calls, and files only through the mounts the Gofer exposes to it.`;

const RATIONALE =
  "The workload never calls the host kernel; escaping needs a Sentry bug and then a host-kernel bug reachable from its filtered calls, but there is no guest kernel behind hardware virtualisation.";

const PATHS = {
  files:
    "The Sentry's own VFS. With directfs, the default, the Gofer donates a file descriptor for each mount and the Sentry operates on files through those descriptors itself (seccomp enforces O_NOFOLLOW); with directfs off, every operation is an RPC to the Gofer over LISAFS. The root file system gets a tmpfs overlay by default, backed by a file in the container's own root file system rather than by memory.",
  network:
    "netstack, gVisor's own TCP/IP stack inside the Sentry, exchanging raw packets with the container's veth through an AF_PACKET socket; --network=host swaps in the host stack and gives up that isolation.",
  startup:
    "runsc starts the Sentry and Gofer processes, applies namespaces, seccomp filters and pivot_root, then initialises the application kernel in user space; there is no guest OS to boot, but more processes are set up than with runc.",
} as const;

const COMMON_PROS = [
  {
    text: "The host kernel is not exposed to the workload: system calls, memory management, file systems and the network stack are re-implemented in memory-safe Go, and kernel features it lacks are simply unavailable.",
    sources: ["gvisor-intro", "gvisor-what-is"],
  },
  {
    text: "Ordinary CPU instructions and memory accesses run natively once mappings exist, so compute-bound code sees little overhead.",
    sources: ["gvisor-perf"],
  },
  {
    text: "Resources follow a process model (threads and mappings allocated on demand) rather than a pre-sized VM, keeping the fixed per-sandbox footprint small.",
    sources: ["gvisor-what-is", "gvisor-intro", "gvisor-perf"],
  },
] as const satisfies readonly Claim[];

const COMMON_CONS = [
  {
    text: "Every system call crosses into the Sentry, so syscall-bound programs (small-request servers, key-value stores) pay the most; the more work per call, the smaller the relative cost.",
    sources: ["gvisor-perf", "gvisor-what-is"],
  },
  {
    text: "File operations that cross the sandbox go through the Sentry's VFS and then host system calls on descriptors the Gofer donated (directfs, the default) or RPCs to the Gofer (directfs off), which hurts open/stat-heavy work such as builds, interpreters importing many modules and static file serving.",
    sources: ["gvisor-perf", "gvisor-filesystem", "gvisor-directfs", "gvisor-rootfs-overlay"],
  },
  {
    text: "netstack is an independent, less CPU-efficient implementation than the Linux stack, so network-bound services see extra cost; host networking avoids it only by weakening isolation.",
    sources: ["gvisor-perf", "gvisor-networking"],
  },
  {
    text: "Not every Linux system call or kernel feature is implemented, which can break some applications.",
    sources: ["gvisor-intro", "gvisor-what-is"],
  },
] as const satisfies readonly Claim[];

/** gVisor (runsc) on each of its system-call interception platforms. */
export const GVISOR_FACTS = {
  "runsc-ptrace": {
    family: "application kernel",
    isolationBoundary: boundary("stopped with PTRACE_SYSEMU on the ptrace platform"),
    isolationStrength: 2,
    isolationRationale: RATIONALE,
    syscalls:
      "Each call traps via PTRACE_SYSEMU and control passes to the Sentry, which implements it in Go; every trap costs several host context switches, the most expensive interception gVisor offers.",
    ...PATHS,
    pros: [
      ...COMMON_PROS,
      {
        text: "Needs no virtualisation support, so it runs anywhere ptrace works, including cloud VMs without nested virtualisation; it is the platform older runsc releases use unless told otherwise.",
        sources: ["gvisor-platforms", "gvisor-systrap-default"],
      },
    ],
    cons: [
      {
        text: "High context-switch overhead per system call, so systrap is almost always the better choice; systrap replaced it as the default in mid-2023, and gVisor no longer supports ptrace and expects to remove it.",
        sources: ["gvisor-platforms", "gvisor-systrap-default", "gvisor-systrap"],
      },
      ...COMMON_CONS,
    ],
    bestFor: [],
    sources: [
      "gvisor-intro",
      "gvisor-platforms",
      "gvisor-networking",
      "gvisor-filesystem",
      "gvisor-directfs",
      "li2021-closer",
    ],
  },
  "runsc-systrap": {
    family: "application kernel",
    isolationBoundary: boundary("trapped with seccomp SIGSYS on the systrap platform"),
    isolationStrength: 2,
    isolationRationale: RATIONALE,
    syscalls:
      "A strict seccomp filter turns each call into a SIGSYS signal; a handler in the workload's process passes the request to the Sentry through shared memory, and on x86 common syscall instruction sites are patched to jump straight to that path.",
    ...PATHS,
    pros: [
      ...COMMON_PROS,
      {
        text: "Much cheaper interception than ptrace while still needing no virtualisation support; the default platform since release-20230621.0 and the recommended one inside VMs.",
        sources: ["gvisor-systrap", "gvisor-platforms", "gvisor-systrap-default"],
      },
    ],
    cons: [
      {
        text: "Interception still costs a seccomp trap and a hand-off to the Sentry per call, so it stays well above native system-call cost.",
        sources: ["gvisor-systrap"],
      },
      ...COMMON_CONS,
    ],
    bestFor: ["multi-tenant-untrusted", "serverless", "high-density"],
    sources: ["gvisor-intro", "gvisor-systrap", "gvisor-networking", "gvisor-filesystem", "gvisor-directfs"],
  },
  "runsc-kvm": {
    family: "application kernel",
    isolationBoundary: boundary(
      "entered as in a VM on the KVM platform, where the Sentry acts as both guest OS and VMM",
    ),
    isolationStrength: 2,
    isolationRationale:
      "Same two-bug escape path as other gVisor platforms; KVM runs the Sentry itself as the guest kernel, with no virtualised hardware, and the sandbox keeps a process model.",
    syscalls:
      "Virtualisation extensions switch between the application's and the Sentry's address spaces, so system calls enter the Sentry the way a VM's calls enter its kernel, without a host context switch; best on bare metal, while inside a VM systrap often does better.",
    ...PATHS,
    pros: [
      ...COMMON_PROS,
      {
        text: "The lowest-overhead interception of the gVisor platforms when the host is bare metal.",
        sources: ["gvisor-platforms", "gvisor-changing-platforms", "gvisor-perf"],
      },
    ],
    cons: [
      {
        text: "Requires /dev/kvm; inside a cloud VM it depends on nested virtualisation, which performs poorly and which gVisor advises against for production.",
        sources: ["gvisor-changing-platforms", "gvisor-systrap"],
      },
      ...COMMON_CONS,
    ],
    bestFor: ["multi-tenant-untrusted", "serverless", "high-density"],
    sources: ["gvisor-intro", "gvisor-platforms", "gvisor-networking", "gvisor-filesystem", "gvisor-directfs"],
  },
  runsc: {
    family: "application kernel",
    isolationBoundary: boundary("intercepted by whichever platform ran it, which the data does not record"),
    isolationStrength: 2,
    isolationRationale: RATIONALE,
    syscalls:
      "Intercepted by the platform runsc was started with, which the data does not say: systrap by default since release-20230621.0, ptrace before, or KVM when asked for; the cost per call differs a lot between them.",
    ...PATHS,
    pros: [...COMMON_PROS],
    cons: [
      {
        text: "Without the platform or the runsc version, results cannot be tied to ptrace, systrap or KVM, whose system-call costs differ most among gVisor's settings.",
        sources: ["gvisor-platforms", "gvisor-systrap-default"],
      },
      ...COMMON_CONS,
    ],
    bestFor: [],
    sources: ["gvisor-intro", "gvisor-platforms", "gvisor-systrap-default", "gvisor-filesystem", "gvisor-networking"],
  },
} as const satisfies Partial<Record<RuntimeId, RuntimeFacts>>;
