/**
 * Registry of upstream documents the knowledge catalog cites. Claims reference these by id so a
 * URL is written once. Every URL is https and points at the project's own documentation, its
 * repository, or the published paper (DOI / publisher page). Each entry says when it was last read
 * against the claims that cite it (`checked`) and, for repository files, which commit was read.
 */

interface SourceShape {
  readonly id: string;
  readonly title: string;
  readonly url: `https://${string}`;
  readonly publisher: string;
  /** Authors and year, for papers. */
  readonly authors?: string;
  readonly year?: number;
  /** When the text was last read against every claim that cites it. */
  readonly checked: string;
  /** What exactly was read: `owner/repo@commit (commit date): path`, a release, or the part of a paper. */
  readonly revision?: string;
}

// The upstream snapshots read on the `checked` date (commit, and the commit's date).
const GVISOR = "google/gvisor@3c5eee17dc45 (2026-08-21)";
const KATA = "kata-containers/kata-containers@7c6ba40c54ea (2026-08-22, VERSION 4.1.0)";
const FIRECRACKER = "firecracker-microvm/firecracker@81b38b9dad60 (2026-08-21)";
const CLOUD_HYPERVISOR = "cloud-hypervisor/cloud-hypervisor@ae44c2971c83 (2026-08-22)";
const KUASAR = "kuasar-io/kuasar@6a74f374f307 (2026-05-25)";
const CRUN = "containers/crun@ba38286f7d23 (2026-08-19)";
const RUNC = "opencontainers/runc@76d9cf5da568 (2026-08-19)";
const CHECKED = "2026-12-06";

/** The registry, keyed by id; each entry repeats its key as `id` (checked by the tests). */
export const SOURCES = {
  "li2021-closer": {
    id: "li2021-closer",
    title: "Comparative Performance Study of Lightweight Hypervisors Used in Container Environment",
    url: "https://doi.org/10.5220/0010440502150223",
    publisher: "SCITEPRESS (CLOSER 2021)",
    authors: "G. Li, K. Takahashi, K. Ichikawa, H. Iida, P. Thiengburanathum, P. Phannachitta",
    year: 2021,
    checked: CHECKED,
    revision: "published paper (scitepress.org PDF): introduction and conclusion",
  },
  "firecracker-nsdi20": {
    id: "firecracker-nsdi20",
    title: "Firecracker: Lightweight Virtualization for Serverless Applications",
    url: "https://www.usenix.org/conference/nsdi20/presentation/agache",
    publisher: "USENIX (NSDI 2020)",
    authors: "A. Agache, M. Brooker, A. Iordache, A. Liguori, R. Neugebauer, P. Piwonka, D.-M. Popa",
    year: 2020,
    checked: CHECKED,
    revision: "published paper: abstract and introduction",
  },
  "firecracker-design": {
    id: "firecracker-design",
    title: "Firecracker Design",
    url: "https://github.com/firecracker-microvm/firecracker/blob/main/docs/design.md",
    publisher: "Firecracker project",
    checked: CHECKED,
    revision: `${FIRECRACKER}: docs/design.md`,
  },
  "firecracker-readme": {
    id: "firecracker-readme",
    title: "Firecracker README",
    url: "https://github.com/firecracker-microvm/firecracker/blob/main/README.md",
    publisher: "Firecracker project",
    checked: CHECKED,
    revision: `${FIRECRACKER}: README.md`,
  },
  "firecracker-changelog": {
    id: "firecracker-changelog",
    title: "Firecracker CHANGELOG",
    url: "https://github.com/firecracker-microvm/firecracker/blob/main/CHANGELOG.md",
    publisher: "Firecracker project",
    checked: CHECKED,
    revision: `${FIRECRACKER}: CHANGELOG.md, releases 1.13.0 to 1.16.1`,
  },
  "gvisor-what-is": {
    id: "gvisor-what-is",
    title: "What is gVisor?",
    url: "https://gvisor.dev/docs/",
    publisher: "gVisor authors (Google)",
    checked: CHECKED,
    revision: `${GVISOR}: g3doc/README.md (the former architecture guide overview, merged here)`,
  },
  "gvisor-intro": {
    id: "gvisor-intro",
    title: "Introduction to gVisor security",
    url: "https://gvisor.dev/docs/architecture_guide/intro/",
    publisher: "gVisor authors (Google)",
    checked: CHECKED,
    revision: `${GVISOR}: g3doc/architecture_guide/intro_to_gvisor.md`,
  },
  "gvisor-perf": {
    id: "gvisor-perf",
    title: "gVisor Performance Guide",
    url: "https://gvisor.dev/docs/architecture_guide/performance/",
    publisher: "gVisor authors (Google)",
    checked: CHECKED,
    revision: `${GVISOR}: g3doc/architecture_guide/performance.md`,
  },
  "gvisor-platforms": {
    id: "gvisor-platforms",
    title: "gVisor Platform Guide",
    url: "https://gvisor.dev/docs/architecture_guide/platforms/",
    publisher: "gVisor authors (Google)",
    checked: CHECKED,
    revision: `${GVISOR}: g3doc/architecture_guide/platforms.md`,
  },
  "gvisor-changing-platforms": {
    id: "gvisor-changing-platforms",
    title: "gVisor user guide: Changing Platforms",
    url: "https://gvisor.dev/docs/user_guide/platforms/",
    publisher: "gVisor authors (Google)",
    checked: CHECKED,
    revision: `${GVISOR}: g3doc/user_guide/platforms.md`,
  },
  "gvisor-systrap": {
    id: "gvisor-systrap",
    title: "Releasing Systrap - A high-performance gVisor platform",
    url: "https://gvisor.dev/blog/2023/04/28/systrap-release/",
    publisher: "gVisor blog",
    year: 2023,
    checked: CHECKED,
    revision: `${GVISOR}: website/blog/2023-04-28-systrap-release.md`,
  },
  "gvisor-systrap-default": {
    id: "gvisor-systrap-default",
    title: "runsc: Make Systrap the default platform (first in release-20230621.0)",
    url: "https://github.com/google/gvisor/commit/e5f2478bee8dcc2e4b6f215592acf07c083725b7",
    publisher: "gVisor authors (Google)",
    checked: CHECKED,
    revision:
      "google/gvisor commit e5f2478bee8d (2023-06-13), runsc/config/flags.go: release-20230605.0 defaults to ptrace, release-20230621.0 to systrap",
  },
  "gvisor-networking": {
    id: "gvisor-networking",
    title: "gVisor Networking Guide",
    url: "https://gvisor.dev/docs/architecture_guide/networking/",
    publisher: "gVisor authors (Google)",
    checked: CHECKED,
    revision: `${GVISOR}: g3doc/architecture_guide/networking.md`,
  },
  "gvisor-filesystem": {
    id: "gvisor-filesystem",
    title: "gVisor user guide: Filesystem",
    url: "https://gvisor.dev/docs/user_guide/filesystem/",
    publisher: "gVisor authors (Google)",
    checked: CHECKED,
    revision: `${GVISOR}: g3doc/user_guide/filesystem.md`,
  },
  "gvisor-rootfs-overlay": {
    id: "gvisor-rootfs-overlay",
    title: "Rootfs Overlay",
    url: "https://gvisor.dev/blog/2023/05/08/rootfs-overlay/",
    publisher: "gVisor blog",
    year: 2023,
    checked: CHECKED,
    revision: `${GVISOR}: website/blog/2023-05-08-rootfs-overlay.md`,
  },
  "gvisor-directfs": {
    id: "gvisor-directfs",
    title: "Faster filesystem access with Directfs",
    url: "https://gvisor.dev/blog/2023/06/27/directfs/",
    publisher: "gVisor blog",
    year: 2023,
    checked: CHECKED,
    revision: `${GVISOR}: website/blog/2023-06-27-directfs.md`,
  },
  "gvisor-gpu": {
    id: "gvisor-gpu",
    title: "gVisor user guide: GPU Support",
    url: "https://gvisor.dev/docs/user_guide/gpu/",
    publisher: "gVisor authors (Google)",
    checked: CHECKED,
    revision: `${GVISOR}: g3doc/user_guide/gpu.md and tpu.md`,
  },
  "gvisor-checkpoint": {
    id: "gvisor-checkpoint",
    title: "gVisor user guide: Checkpoint/Restore",
    url: "https://gvisor.dev/docs/user_guide/checkpoint_restore/",
    publisher: "gVisor authors (Google)",
    checked: CHECKED,
    revision: `${GVISOR}: g3doc/user_guide/checkpoint_restore.md`,
  },
  "gvisor-rootless": {
    id: "gvisor-rootless",
    title: "gVisor user guide: Rootless",
    url: "https://gvisor.dev/docs/user_guide/rootless/",
    publisher: "gVisor authors (Google)",
    checked: CHECKED,
    revision: `${GVISOR}: g3doc/user_guide/rootless.md`,
  },
  "gvisor-kubernetes": {
    id: "gvisor-kubernetes",
    title: "gVisor: Kubernetes Quick Start",
    url: "https://gvisor.dev/docs/user_guide/quick_start/kubernetes/",
    publisher: "gVisor authors (Google)",
    checked: CHECKED,
    revision: `${GVISOR}: g3doc/user_guide/quick_start/kubernetes.md`,
  },
  "kata-arch": {
    id: "kata-arch",
    title: "Kata Containers Architecture",
    url: "https://github.com/kata-containers/kata-containers/blob/main/docs/design/architecture/README.md",
    publisher: "Kata Containers project",
    checked: CHECKED,
    revision: `${KATA}: docs/design/architecture/README.md`,
  },
  "kata-virtualization": {
    id: "kata-virtualization",
    title: "Virtualization in Kata Containers",
    url: "https://github.com/kata-containers/kata-containers/blob/main/docs/design/virtualization.md",
    publisher: "Kata Containers project",
    checked: CHECKED,
    revision: `${KATA}: docs/design/virtualization.md (last changed 2026-04-28)`,
  },
  "kata-storage": {
    id: "kata-storage",
    title: "Kata Containers architecture: Storage",
    url: "https://github.com/kata-containers/kata-containers/blob/main/docs/design/architecture/storage.md",
    publisher: "Kata Containers project",
    checked: CHECKED,
    revision: `${KATA}: docs/design/architecture/storage.md`,
  },
  "kata-networking": {
    id: "kata-networking",
    title: "Kata Containers architecture: Networking",
    url: "https://github.com/kata-containers/kata-containers/blob/main/docs/design/architecture/networking.md",
    publisher: "Kata Containers project",
    checked: CHECKED,
    revision: `${KATA}: docs/design/architecture/networking.md`,
  },
  "kata-hypervisors": {
    id: "kata-hypervisors",
    title: "Kata Containers: Hypervisors",
    url: "https://github.com/kata-containers/kata-containers/blob/main/docs/hypervisors.md",
    publisher: "Kata Containers project",
    checked: CHECKED,
    revision: `${KATA}: docs/hypervisors.md`,
  },
  "kata-runtime-rs-makefile": {
    id: "kata-runtime-rs-makefile",
    title: "Kata Containers runtime-rs Makefile (HYPERVISOR ?= $(HYPERVISOR_QEMU))",
    url: "https://github.com/kata-containers/kata-containers/blob/main/src/runtime-rs/Makefile",
    publisher: "Kata Containers project",
    checked: CHECKED,
    revision: `${KATA}: src/runtime-rs/Makefile`,
  },
  "kata-deploy-values": {
    id: "kata-deploy-values",
    title: "kata-deploy Helm chart values (defaultShim, runtime classes)",
    url: "https://github.com/kata-containers/kata-containers/blob/main/tools/packaging/kata-deploy/helm-chart/kata-deploy/values.yaml",
    publisher: "Kata Containers project",
    checked: CHECKED,
    revision: `${KATA}: tools/packaging/kata-deploy/helm-chart/kata-deploy/values.yaml`,
  },
  "kata-runtime-rs-migration": {
    id: "kata-runtime-rs-migration",
    title: "Migrating configuration from the Go runtime to runtime-rs (Go runtime deprecation)",
    url: "https://github.com/kata-containers/kata-containers/blob/main/docs/migrating-config-go-runtime-to-runtime-rs.md",
    publisher: "Kata Containers project",
    checked: CHECKED,
    revision: `${KATA}: docs/migrating-config-go-runtime-to-runtime-rs.md`,
  },
  "kata-install": {
    id: "kata-install",
    title: "Kata Containers installation guides: prerequisites",
    url: "https://github.com/kata-containers/kata-containers/blob/main/docs/install/README.md",
    publisher: "Kata Containers project",
    checked: CHECKED,
    revision: `${KATA}: docs/install/README.md`,
  },
  "kata-gpu": {
    id: "kata-gpu",
    title: "Using GPUs with Kata Containers",
    url: "https://github.com/kata-containers/kata-containers/blob/main/docs/use-cases/GPU-passthrough-and-Kata.md",
    publisher: "Kata Containers project",
    checked: CHECKED,
    revision: `${KATA}: docs/use-cases/GPU-passthrough-and-Kata.md`,
  },
  "kata-limitations": {
    id: "kata-limitations",
    title: "Kata Containers limitations",
    url: "https://github.com/kata-containers/kata-containers/blob/main/docs/Limitations.md",
    publisher: "Kata Containers project",
    checked: CHECKED,
    revision: `${KATA}: docs/Limitations.md`,
  },
  "kata-rootless-vmm": {
    id: "kata-rootless-vmm",
    title: "How to run the Kata VMM as a non-root user",
    url: "https://github.com/kata-containers/kata-containers/blob/main/docs/how-to/how-to-run-rootless-vmm.md",
    publisher: "Kata Containers project",
    checked: CHECKED,
    revision: `${KATA}: docs/how-to/how-to-run-rootless-vmm.md`,
  },
  "kata-release-4.1": {
    id: "kata-release-4.1",
    title: "Kata Containers 4.1.0 release notes",
    url: "https://github.com/kata-containers/kata-containers/blob/main/docs/releases/4.1.0.md",
    publisher: "Kata Containers project",
    checked: CHECKED,
    revision: `${KATA}: docs/releases/4.1.0.md`,
  },
  "dragonball-readme": {
    id: "dragonball-readme",
    title: "Dragonball Sandbox README",
    url: "https://github.com/kata-containers/kata-containers/blob/main/src/dragonball/README.md",
    publisher: "Kata Containers project",
    checked: CHECKED,
    revision: `${KATA}: src/dragonball/README.md`,
  },
  "kuasar-readme": {
    id: "kuasar-readme",
    title: "Kuasar README",
    url: "https://github.com/kuasar-io/kuasar",
    publisher: "Kuasar project",
    checked: CHECKED,
    revision: `${KUASAR}: README.md`,
  },
  "kuasar-e2e": {
    id: "kuasar-e2e",
    title: "Kuasar end-to-end test workflows",
    url: "https://github.com/kuasar-io/kuasar/blob/main/.github/workflows/e2e.yml",
    publisher: "Kuasar project",
    checked: CHECKED,
    revision: `${KUASAR}: .github/workflows/e2e.yml (stock containerd 2.1.3) and scripts/build/build-containerd.sh (VMM tests: Kuasar's containerd fork)`,
  },
  "containerd-2.0": {
    id: "containerd-2.0",
    title: "containerd 2.0.0 release notes",
    url: "https://github.com/containerd/containerd/releases/tag/v2.0.0",
    publisher: "containerd project",
    checked: CHECKED,
    revision: "release page of v2.0.0 (sandbox controller API; 1.7's experimental features stabilised)",
  },
  "cloud-hypervisor-readme": {
    id: "cloud-hypervisor-readme",
    title: "Cloud Hypervisor README",
    url: "https://github.com/cloud-hypervisor/cloud-hypervisor",
    publisher: "Cloud Hypervisor project",
    checked: CHECKED,
    revision: `${CLOUD_HYPERVISOR}: README.md`,
  },
  "cloud-hypervisor-vfio": {
    id: "cloud-hypervisor-vfio",
    title: "Cloud Hypervisor VFIO HOWTO",
    url: "https://github.com/cloud-hypervisor/cloud-hypervisor/blob/main/docs/vfio.md",
    publisher: "Cloud Hypervisor project",
    checked: CHECKED,
    revision: `${CLOUD_HYPERVISOR}: docs/vfio.md`,
  },
  "cloud-hypervisor-snapshot": {
    id: "cloud-hypervisor-snapshot",
    title: "Cloud Hypervisor: Snapshot and Restore",
    url: "https://github.com/cloud-hypervisor/cloud-hypervisor/blob/main/docs/snapshot_restore.md",
    publisher: "Cloud Hypervisor project",
    checked: CHECKED,
    revision: `${CLOUD_HYPERVISOR}: docs/snapshot_restore.md and docs/live_migration.md`,
  },
  "cloud-hypervisor-tdx": {
    id: "cloud-hypervisor-tdx",
    title: "Cloud Hypervisor: Intel TDX",
    url: "https://github.com/cloud-hypervisor/cloud-hypervisor/blob/main/docs/intel_tdx.md",
    publisher: "Cloud Hypervisor project",
    checked: CHECKED,
    revision: `${CLOUD_HYPERVISOR}: docs/intel_tdx.md and docs/amd_sev_snp.md`,
  },
  "qemu-about": {
    id: "qemu-about",
    title: "About QEMU",
    url: "https://www.qemu.org/docs/master/about/index.html",
    publisher: "QEMU project",
    checked: CHECKED,
    revision: "qemu/qemu docs/about/index.rst (master)",
  },
  "qemu-microvm": {
    id: "qemu-microvm",
    title: "QEMU 'microvm' virtual platform",
    url: "https://www.qemu.org/docs/master/system/i386/microvm.html",
    publisher: "QEMU project",
    checked: CHECKED,
    revision: "qemu/qemu docs/system/i386/microvm.rst (master)",
  },
  "qemu-migration": {
    id: "qemu-migration",
    title: "QEMU: Migration",
    url: "https://www.qemu.org/docs/master/devel/migration/main.html",
    publisher: "QEMU project",
    checked: CHECKED,
    revision: "qemu/qemu docs/devel/migration/main.rst (master)",
  },
  "runc-readme": {
    id: "runc-readme",
    title: "runc README",
    url: "https://github.com/opencontainers/runc",
    publisher: "Open Container Initiative",
    checked: CHECKED,
    revision: `${RUNC}: README.md`,
  },
  "runc-checkpoint": {
    id: "runc-checkpoint",
    title: "runc: checkpoint and restore",
    url: "https://github.com/opencontainers/runc/blob/main/docs/checkpoint-restore.md",
    publisher: "Open Container Initiative",
    checked: CHECKED,
    revision: `${RUNC}: docs/checkpoint-restore.md`,
  },
  "crun-readme": {
    id: "crun-readme",
    title: "crun README",
    url: "https://github.com/containers/crun",
    publisher: "containers project",
    checked: CHECKED,
    revision: `${CRUN}: README.md`,
  },
  "crun-manual": {
    id: "crun-manual",
    title: "crun(1) manual: checkpoint, --rootless, run.oci.handler",
    url: "https://github.com/containers/crun/blob/main/crun.1.md",
    publisher: "containers project",
    checked: CHECKED,
    revision: `${CRUN}: crun.1.md`,
  },
  "crun-krun": {
    id: "crun-krun",
    title: "krun(1): crun based OCI runtime using libkrun",
    url: "https://github.com/containers/crun/blob/main/krun.1.md",
    publisher: "containers project",
    checked: CHECKED,
    revision: `${CRUN}: krun.1.md`,
  },
  "linux-namespaces": {
    id: "linux-namespaces",
    title: "namespaces(7) - overview of Linux namespaces",
    url: "https://man7.org/linux/man-pages/man7/namespaces.7.html",
    publisher: "Linux man-pages project",
    checked: CHECKED,
  },
} as const satisfies Record<string, SourceShape>;

/** Id of a registered source. */
export type SourceId = keyof typeof SOURCES;

/** An upstream document: documentation page, README, or paper. */
export interface Source extends SourceShape {
  readonly id: SourceId;
}

/** Every registered source id, in registry order. */
export const SOURCE_IDS = Object.keys(SOURCES) as [SourceId, ...SourceId[]];

/** True when `s` names a registered source. */
export function isSourceId(s: string): s is SourceId {
  return Object.hasOwn(SOURCES, s);
}

/** Resolves ids to their sources, de-duplicated, in the order first seen. */
export function resolveSources(ids: readonly SourceId[]): Source[] {
  return [...new Set(ids)].map((id) => SOURCES[id]);
}
