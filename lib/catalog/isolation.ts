/**
 * The isolation scale: an ordinal (compare with `<` and `===`, never average or subtract) that
 * says *which kind of boundary* stands between a workload and the host kernel. It deliberately
 * does not rank runtimes within a level.
 *
 * - **0, none.** The workload is an ordinary host process. Nothing to escape from.
 * - **1, shared kernel.** Namespaces, cgroups, capabilities and a seccomp filter (runc, crun).
 *   The host kernel both runs the workload's system calls and enforces these limits, so the
 *   workload is one system call away from the shared kernel; a bug reachable through the allowed
 *   surface can be an escape (gVisor "Introduction to gVisor security"; Li et al. 2021).
 * - **2, application kernel.** gVisor: the workload's system calls are served by the Sentry, an
 *   application kernel written in Go that runs as a restricted host process ("What is gVisor?");
 *   the host is reached only through the Sentry's own seccomp-filtered calls, and files only
 *   through what the Gofer exposes. Escaping takes a Sentry bug *and* a host-kernel bug (gVisor
 *   intro). On the KVM platform the Sentry acts as guest OS and VMM, but with no virtualised
 *   hardware: the sandbox keeps a process model (gVisor Platform Guide), so every platform sits here.
 * - **3, hardware-virtualised guest kernel.** Kata (any VMM), Kuasar's VMM sandboxer,
 *   Firecracker, Cloud Hypervisor, QEMU/KVM. The workload talks to its own guest kernel; the
 *   only way out is a VM exit handled by KVM and a VMM (gVisor intro; Kata architecture;
 *   Firecracker design). Placing 3 above 2 follows the framing of Li et al. 2021 and of gVisor's
 *   own intro, which calls VMs the reference for workload isolation; gVisor argues its model is
 *   comparable, so the 2/3 gap is about the mechanism, not a measured security margin.
 * - **4, reserved.** For a boundary that protects the host from the workload more strongly than a
 *   VM on a shared host (for example dedicated hardware). No catalogued runtime uses it.
 *   Confidential VMs (TDX, SEV-SNP) do not belong here: they protect the guest from the host, the
 *   other direction; the capability matrix (./capabilities.ts) lists them.
 *
 * Not distinguished, because no cited source ranks them: micro-VM versus full VM, VMM language
 * (Rust or C), device-model size, and jailer/seccomp hardening of the VMM. Upstream docs present
 * these as attack-surface reductions (Firecracker, Cloud Hypervisor, Kata's hypervisor table) but
 * give no ordering, so every hardware-virtualised runtime shares level 3.
 */
export const ISOLATION_LEVELS = {
  0: { label: "none", summary: "Runs directly on the host; no boundary." },
  1: {
    label: "shared kernel",
    summary: "Namespaces, cgroups and seccomp, enforced by the host kernel the workload calls directly.",
  },
  2: {
    label: "application kernel",
    summary: "An application kernel in a restricted host process (gVisor's Sentry) serves the workload's system calls.",
  },
  3: {
    label: "hardware-virtualised guest kernel",
    summary: "The workload runs on its own guest kernel inside a KVM virtual machine driven by a VMM.",
  },
  4: {
    label: "reserved",
    summary:
      "Reserved for a stronger host-side boundary than a VM on a shared host (such as dedicated hardware); unused.",
  },
} as const;

/** A level of the isolation scale (see {@link ISOLATION_LEVELS}). */
export type IsolationStrength = keyof typeof ISOLATION_LEVELS;

/** All levels, weakest first. */
const ISOLATION_STRENGTHS = [0, 1, 2, 3, 4] as const satisfies readonly IsolationStrength[];

/** True when `n` is a level of the scale. */
export function isIsolationStrength(n: unknown): n is IsolationStrength {
  return typeof n === "number" && (ISOLATION_STRENGTHS as readonly number[]).includes(n);
}
