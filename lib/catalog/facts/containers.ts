import type { RuntimeId } from "@/lib/runtime-ids";
import type { Claim, RuntimeFacts } from "../types";

const SHARED_KERNEL_CON = {
  text: "Every limit is enforced by the same host kernel the workload calls directly, so a kernel bug reachable through the allowed system calls can become a host escape.",
  sources: ["gvisor-intro", "li2021-closer"],
} as const satisfies Claim;

const SECCOMP_TAILORING_CON = {
  text: "Syscall filters only shrink the attack surface when tailored to the workload; a generic profile that runs most software must leave most of the kernel reachable.",
  sources: ["gvisor-intro", "gvisor-what-is"],
} as const satisfies Claim;

const NATIVE_PATHS_PRO = {
  text: "Processes run under the host kernel with no interception, emulation or extra copy in the CPU, memory, file or network path, so steady-state overhead is close to none.",
  sources: ["li2021-closer", "gvisor-what-is"],
} as const satisfies Claim;

const CONTAINER_PATHS = {
  syscalls:
    "Executed natively by the host kernel; a seccomp-bpf profile from the container engine allows or rejects each call first, with no context switch to another component.",
  files:
    "Root file system is a union mount (usually overlayfs) prepared on the host, plus bind-mounted host directories; all I/O goes through the host VFS and page cache.",
  network:
    "The host kernel's TCP/IP stack inside a network namespace, normally reached through a veth pair and a host bridge or NAT.",
} as const;

/** Reference points without a sandbox: the bare host and the two namespace-based OCI runtimes. */
export const CONTAINER_FACTS = {
  "bare-metal": {
    family: "none",
    isolationBoundary:
      "None: the workload is an ordinary host process with the host's own view of processes, mounts, users and network.",
    isolationStrength: 0,
    isolationRationale: "Nothing wraps the workload; it is the reference point for overhead, not a sandbox.",
    syscalls: "Handled directly by the host kernel, without a filter or any interception.",
    files: "Host file systems through the host VFS and page cache, with no overlay or proxy.",
    network: "The host network stack and interfaces, without a namespace, veth hop or NAT.",
    startup: "Ordinary process creation (fork and exec); nothing is set up around the process.",
    pros: [
      {
        text: "No namespace, cgroup or interception layer sits between the workload and the hardware, which makes it the natural reference when no container baseline was measured.",
        sources: ["linux-namespaces", "gvisor-what-is"],
      },
    ],
    cons: [
      {
        text: "Without namespaces the workload sees and shares every global resource of the host (process ids, mounts, network, users), so compromising it compromises the host.",
        sources: ["linux-namespaces"],
      },
    ],
    bestFor: ["batch-hpc"],
    sources: ["linux-namespaces"],
  },
  runc: {
    family: "container",
    isolationBoundary:
      "Linux namespaces, cgroups, dropped capabilities and a seccomp filter around host processes that still call the single shared host kernel.",
    isolationStrength: 1,
    isolationRationale:
      "Kernel primitives narrow what the workload can see and call, but the kernel enforcing them is the one it can attack.",
    ...CONTAINER_PATHS,
    startup:
      "runc creates the namespaces and cgroups, applies the seccomp profile, pivots into the prepared root file system and execs the entry point; no kernel is booted. runc re-executes itself and uses a small C helper to set up the environment.",
    pros: [
      NATIVE_PATHS_PRO,
      {
        text: "A command-line tool for spawning and running containers according to the OCI specification, which crun, gVisor's runsc and Kata also implement, so it is the usual baseline for comparisons; Firecracker, Cloud Hypervisor and QEMU take no OCI bundle, and Kuasar plugs into containerd's Sandbox API instead.",
        sources: ["runc-readme", "crun-readme", "gvisor-what-is", "kata-arch", "firecracker-readme", "kuasar-readme"],
      },
    ],
    cons: [SHARED_KERNEL_CON, SECCOMP_TAILORING_CON],
    bestFor: ["web-services", "databases", "batch-hpc", "high-density"],
    sources: ["runc-readme", "crun-readme", "gvisor-intro"],
  },
  crun: {
    family: "container",
    isolationBoundary:
      "The same namespaces, cgroups, capabilities and seccomp filter as runc, set up by a runtime written in C; the host kernel is still shared.",
    isolationStrength: 1,
    isolationRationale: "Identical kernel mechanisms to runc; only the tool that configures them differs.",
    ...CONTAINER_PATHS,
    startup:
      "Same steps as runc, performed by a C binary that does not need to re-execute itself, which makes creating a container quicker and lighter than with runc.",
    pros: [
      NATIVE_PATHS_PRO,
      {
        text: "Its README reports faster container creation and a lower memory footprint than runc, and it can also be embedded as a library instead of run as an external process.",
        sources: ["crun-readme"],
      },
      {
        text: "Implements the same OCI runtime specification as runc, so it can replace runc without changing images or tooling.",
        sources: ["crun-readme", "runc-readme"],
      },
      {
        text: "Its experimental krun handler (or the krun symlink) runs the container inside a KVM micro-VM through libkrun, trading some sharing with the host for a guest-kernel boundary.",
        sources: ["crun-manual", "crun-krun"],
      },
    ],
    cons: [SHARED_KERNEL_CON, SECCOMP_TAILORING_CON],
    bestFor: ["web-services", "databases", "batch-hpc", "high-density"],
    sources: ["crun-readme", "gvisor-intro"],
  },
} as const satisfies Partial<Record<RuntimeId, RuntimeFacts>>;
