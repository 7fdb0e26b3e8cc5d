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
 * - **2, user-space kernel.** gVisor: the workload's system calls are served by the Sentry, a
 *   separate kernel written in Go and running as a restricted host process; the host is reached
 *   only through the Sentry's own seccomp-filtered calls and the Gofer. Escaping takes a Sentry
 *   bug *and* a host-kernel bug (gVisor intro). The KVM platform uses virtualisation extensions
 *   for address-space switches but keeps the process model, with no guest kernel or virtual
 *   hardware (gVisor Platform Guide), so all three platforms sit here.
 * - **3, hardware-virtualised guest kernel.** Kata (any VMM), Kuasar's VMM sandboxer,
 *   Firecracker, Cloud Hypervisor, QEMU/KVM. The workload talks to its own guest kernel; the
 *   only way out is a VM exit handled by KVM and a VMM (gVisor intro; Kata architecture;
 *   Firecracker design). Placing 3 above 2 follows the framing of Li et al. 2021 and of gVisor's
 *   own intro, which calls VMs the reference for workload isolation; gVisor argues its model is
 *   comparable, so the 2/3 gap is about the mechanism, not a measured security margin.
 * - **4, reserved.** For a boundary stronger than a VM on a shared host (for example confidential
 *   VMs or dedicated hardware). No catalogued runtime uses it.
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
    label: "user-space kernel",
    summary: "A separate kernel in a restricted host process (gVisor Sentry) serves the workload's system calls.",
  },
  3: {
    label: "hardware-virtualised guest kernel",
    summary: "The workload runs on its own guest kernel inside a KVM virtual machine driven by a VMM.",
  },
  4: { label: "reserved", summary: "Reserved for boundaries beyond a VM on a shared host; unused." },
} as const;

/** A level of the isolation scale (see {@link ISOLATION_LEVELS}). */
export type IsolationStrength = keyof typeof ISOLATION_LEVELS;

/** All levels, weakest first. */
const ISOLATION_STRENGTHS = [0, 1, 2, 3, 4] as const satisfies readonly IsolationStrength[];

/** True when `n` is a level of the scale. */
export function isIsolationStrength(n: unknown): n is IsolationStrength {
  return typeof n === "number" && (ISOLATION_STRENGTHS as readonly number[]).includes(n);
}
