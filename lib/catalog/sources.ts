/**
 * Registry of upstream documents the knowledge catalog cites. Claims reference these by id so a
 * URL is written once. Every URL is https and points at the project's own documentation, its
 * repository, or the published paper (DOI / publisher page).
 */

interface SourceShape {
  readonly id: string;
  readonly title: string;
  readonly url: `https://${string}`;
  readonly publisher: string;
  /** Authors and year, for papers. */
  readonly authors?: string;
  readonly year?: number;
}

/** The registry, keyed by id; each entry repeats its key as `id` (checked by the tests). */
export const SOURCES = {
  "li2021-closer": {
    id: "li2021-closer",
    title: "Comparative Performance Study of Lightweight Hypervisors Used in Container Environment",
    url: "https://doi.org/10.5220/0010440502150223",
    publisher: "SCITEPRESS (CLOSER 2021)",
    authors: "G. Li, K. Takahashi, K. Ichikawa, H. Iida, P. Thiengburanathum, P. Phannachitta",
    year: 2021,
  },
  "firecracker-nsdi20": {
    id: "firecracker-nsdi20",
    title: "Firecracker: Lightweight Virtualization for Serverless Applications",
    url: "https://www.usenix.org/conference/nsdi20/presentation/agache",
    publisher: "USENIX (NSDI 2020)",
    authors: "A. Agache, M. Brooker, A. Iordache, A. Liguori, R. Neugebauer, P. Piwonka, D.-M. Popa",
    year: 2020,
  },
  "firecracker-design": {
    id: "firecracker-design",
    title: "Firecracker Design",
    url: "https://github.com/firecracker-microvm/firecracker/blob/main/docs/design.md",
    publisher: "Firecracker project",
  },
  "gvisor-arch": {
    id: "gvisor-arch",
    title: "gVisor Architecture Guide: Overview",
    url: "https://gvisor.dev/docs/architecture_guide/",
    publisher: "gVisor authors (Google)",
  },
  "gvisor-intro": {
    id: "gvisor-intro",
    title: "Introduction to gVisor security",
    url: "https://gvisor.dev/docs/architecture_guide/intro/",
    publisher: "gVisor authors (Google)",
  },
  "gvisor-perf": {
    id: "gvisor-perf",
    title: "gVisor Performance Guide",
    url: "https://gvisor.dev/docs/architecture_guide/performance/",
    publisher: "gVisor authors (Google)",
  },
  "gvisor-platforms": {
    id: "gvisor-platforms",
    title: "gVisor Platform Guide",
    url: "https://gvisor.dev/docs/architecture_guide/platforms/",
    publisher: "gVisor authors (Google)",
  },
  "gvisor-changing-platforms": {
    id: "gvisor-changing-platforms",
    title: "gVisor user guide: Changing Platforms",
    url: "https://gvisor.dev/docs/user_guide/platforms/",
    publisher: "gVisor authors (Google)",
  },
  "gvisor-systrap": {
    id: "gvisor-systrap",
    title: "Releasing Systrap - A high-performance gVisor platform",
    url: "https://gvisor.dev/blog/2023/04/28/systrap-release/",
    publisher: "gVisor blog",
    year: 2023,
  },
  "gvisor-networking": {
    id: "gvisor-networking",
    title: "gVisor Networking Guide",
    url: "https://gvisor.dev/docs/architecture_guide/networking/",
    publisher: "gVisor authors (Google)",
  },
  "gvisor-filesystem": {
    id: "gvisor-filesystem",
    title: "gVisor user guide: Filesystem",
    url: "https://gvisor.dev/docs/user_guide/filesystem/",
    publisher: "gVisor authors (Google)",
  },
  "gvisor-rootfs-overlay": {
    id: "gvisor-rootfs-overlay",
    title: "Rootfs Overlay",
    url: "https://gvisor.dev/blog/2023/05/08/rootfs-overlay/",
    publisher: "gVisor blog",
    year: 2023,
  },
  "gvisor-directfs": {
    id: "gvisor-directfs",
    title: "Faster filesystem access with Directfs",
    url: "https://gvisor.dev/blog/2023/06/27/directfs/",
    publisher: "gVisor blog",
    year: 2023,
  },
  "kata-arch": {
    id: "kata-arch",
    title: "Kata Containers Architecture",
    url: "https://github.com/kata-containers/kata-containers/blob/main/docs/design/architecture/README.md",
    publisher: "Kata Containers project",
  },
  "kata-virtualization": {
    id: "kata-virtualization",
    title: "Virtualization in Kata Containers",
    url: "https://github.com/kata-containers/kata-containers/blob/main/docs/design/virtualization.md",
    publisher: "Kata Containers project",
  },
  "kata-storage": {
    id: "kata-storage",
    title: "Kata Containers architecture: Storage",
    url: "https://github.com/kata-containers/kata-containers/blob/main/docs/design/architecture/storage.md",
    publisher: "Kata Containers project",
  },
  "kata-networking": {
    id: "kata-networking",
    title: "Kata Containers architecture: Networking",
    url: "https://github.com/kata-containers/kata-containers/blob/main/docs/design/architecture/networking.md",
    publisher: "Kata Containers project",
  },
  "kata-hypervisors": {
    id: "kata-hypervisors",
    title: "Kata Containers: Hypervisors",
    url: "https://github.com/kata-containers/kata-containers/blob/main/docs/hypervisors.md",
    publisher: "Kata Containers project",
  },
  "dragonball-readme": {
    id: "dragonball-readme",
    title: "Dragonball Sandbox README",
    url: "https://github.com/kata-containers/kata-containers/blob/main/src/dragonball/README.md",
    publisher: "Kata Containers project",
  },
  "kuasar-readme": {
    id: "kuasar-readme",
    title: "Kuasar README",
    url: "https://github.com/kuasar-io/kuasar",
    publisher: "Kuasar project",
  },
  "cloud-hypervisor-readme": {
    id: "cloud-hypervisor-readme",
    title: "Cloud Hypervisor README",
    url: "https://github.com/cloud-hypervisor/cloud-hypervisor",
    publisher: "Cloud Hypervisor project",
  },
  "qemu-about": {
    id: "qemu-about",
    title: "About QEMU",
    url: "https://www.qemu.org/docs/master/about/index.html",
    publisher: "QEMU project",
  },
  "qemu-microvm": {
    id: "qemu-microvm",
    title: "QEMU 'microvm' virtual platform",
    url: "https://www.qemu.org/docs/master/system/i386/microvm.html",
    publisher: "QEMU project",
  },
  "runc-readme": {
    id: "runc-readme",
    title: "runc README",
    url: "https://github.com/opencontainers/runc",
    publisher: "Open Container Initiative",
  },
  "crun-readme": {
    id: "crun-readme",
    title: "crun README",
    url: "https://github.com/containers/crun",
    publisher: "containers project",
  },
  "linux-namespaces": {
    id: "linux-namespaces",
    title: "namespaces(7) - overview of Linux namespaces",
    url: "https://man7.org/linux/man-pages/man7/namespaces.7.html",
    publisher: "Linux man-pages project",
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
