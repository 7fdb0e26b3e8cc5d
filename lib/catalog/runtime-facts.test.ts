import { describe, expect, it } from "vitest";
import { RUNTIME_IDS, RUNTIMES, type RuntimeId } from "@/lib/runtime-ids";
import { ISOLATION_LEVELS, isIsolationStrength } from "./isolation";
import { RUNTIME_FACTS, runtimeClaims, runtimeSources } from "./runtime-facts";
import { SOURCES, SOURCE_IDS, isSourceId, type Source } from "./sources";
import { unmetRequirements } from "./capabilities";
import { isUseCaseId } from "./use-case-ids";
import { USE_CASES, type UseCase } from "./use-cases";

const ids = RUNTIME_IDS;
const strength = (id: RuntimeId) => RUNTIME_FACTS[id].isolationStrength;

describe("runtime catalog", () => {
  it("has exactly one entry per canonical runtime id", () => {
    expect(Object.keys(RUNTIME_FACTS).sort()).toEqual([...ids].sort());
  });

  it.each(ids)("%s: family matches lib/runtime-ids.ts and text fields are filled", (id) => {
    const f = RUNTIME_FACTS[id];
    expect(f.family).toBe(RUNTIMES[id].family);
    for (const field of [
      "isolationBoundary",
      "isolationRationale",
      "syscalls",
      "files",
      "network",
      "startup",
    ] as const) {
      expect(f[field].trim().length, field).toBeGreaterThan(20);
    }
    expect(f.pros.length).toBeGreaterThan(0);
    expect(f.cons.length).toBeGreaterThan(0);
    expect(isIsolationStrength(f.isolationStrength)).toBe(true);
    expect(f.isolationStrength).not.toBe(4); // reserved
  });

  it.each(ids)("%s: every claim and the entry cite at least one registered source", (id) => {
    const f = RUNTIME_FACTS[id];
    expect(f.sources.length).toBeGreaterThan(0);
    for (const s of f.sources) expect(isSourceId(s), s).toBe(true);
    for (const claim of runtimeClaims(id)) {
      expect(claim.sources.length, claim.text).toBeGreaterThan(0);
      for (const s of claim.sources) expect(isSourceId(s), `${s} in "${claim.text}"`).toBe(true);
    }
    expect(runtimeSources(id).length).toBeGreaterThan(0);
  });

  it.each(ids)("%s: bestFor names known use cases, once each", (id) => {
    const best: readonly string[] = RUNTIME_FACTS[id].bestFor;
    for (const u of best) expect(isUseCaseId(u), u).toBe(true);
    expect(new Set(best).size).toBe(best.length);
  });

  it.each(ids)("%s: bestFor respects each case's minimum isolation and required capabilities", (id) => {
    for (const u of RUNTIME_FACTS[id].bestFor) {
      const useCase: UseCase = USE_CASES[u];
      if (useCase.minIsolation !== undefined) expect(strength(id), u).toBeGreaterThanOrEqual(useCase.minIsolation);
      expect(unmetRequirements(id, useCase.requires ?? []), u).toEqual([]);
    }
  });

  it("recommends no bare VMM for a case that needs a container or Kubernetes path", () => {
    expect(USE_CASES["web-services"].requires).toContain("kubernetes");
    for (const vmm of ["firecracker", "cloud-hypervisor", "qemu-kvm"] as const)
      expect(RUNTIME_FACTS[vmm].bestFor).not.toContain("web-services");
  });

  it("claims carry no measured numbers (numbers come from measured rows)", () => {
    const numberWithUnit = /\d+(?:\.\d+)?\s*(?:%|ms|µs|us|ns|s\b|MiB|MB|GiB|GB|KiB|kB|Gbit|Mbit|x\b|×)/i;
    for (const id of ids) {
      const f = RUNTIME_FACTS[id];
      const texts = [
        ...runtimeClaims(id).map((c) => c.text),
        f.isolationBoundary,
        f.syscalls,
        f.files,
        f.network,
        f.startup,
      ];
      for (const t of texts) expect(t, `${id}: ${t}`).not.toMatch(numberWithUnit);
    }
  });
});

describe("isolation ordering", () => {
  const containers = ["runc", "crun"] as const;
  const gvisor = ["runsc", "runsc-ptrace", "runsc-systrap", "runsc-kvm"] as const;
  const vms = [
    "kata-qemu",
    "kata-clh",
    "kata-fc",
    "kata-dragonball",
    "kuasar-vmm",
    "firecracker",
    "cloud-hypervisor",
    "qemu-kvm",
  ] as const;

  it("covers every runtime with the groups below", () => {
    expect(["bare-metal", ...containers, ...gvisor, ...vms].sort()).toEqual([...ids].sort());
  });

  it("bare-metal < runc = crun < runsc-* < hardware-virtualised runtimes", () => {
    expect(strength("bare-metal")).toBe(0);
    expect(strength("runc")).toBe(strength("crun"));
    for (const c of containers) expect(strength(c)).toBeGreaterThan(strength("bare-metal"));
    for (const g of gvisor) for (const c of containers) expect(strength(g), g).toBeGreaterThan(strength(c));
    for (const v of vms) for (const g of gvisor) expect(strength(v), v).toBeGreaterThan(strength(g));
  });

  it("members of a group share one level (no finer distinctions)", () => {
    for (const group of [containers, gvisor, vms]) {
      expect(new Set(group.map((id) => strength(id))).size).toBe(1);
    }
  });

  it("every level used is described on the scale", () => {
    for (const id of ids) expect(ISOLATION_LEVELS[strength(id)].label.length).toBeGreaterThan(0);
  });
});

describe("source registry", () => {
  it.each(SOURCE_IDS)("%s: id matches key, https URL, title and publisher", (id) => {
    const s = SOURCES[id];
    expect(s.id).toBe(id);
    const url = new URL(s.url);
    expect(url.protocol).toBe("https:");
    expect(s.title.trim()).not.toBe("");
    expect(s.publisher.trim()).not.toBe("");
  });

  it.each(SOURCE_IDS)("%s: says when it was checked, and what was read for repository files", (id) => {
    const s: Source = SOURCES[id];
    expect(s.checked).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const checked = new Date(`${s.checked}T00:00:00Z`);
    expect(checked.toISOString().slice(0, 10), "a real calendar date").toBe(s.checked);
    expect(checked.getTime(), "not in the future").toBeLessThanOrEqual(Date.now());
    // A file in a repository changes: the commit read is part of the citation.
    if (s.url.startsWith("https://github.com/")) expect(s.revision, "revision").toMatch(/\S/);
  });

  it("has no duplicate URLs", () => {
    const urls = SOURCE_IDS.map((id) => SOURCES[id].url);
    expect(new Set(urls).size).toBe(urls.length);
  });

  it("every registered source is cited somewhere", () => {
    const cited = new Set(ids.flatMap((id) => runtimeSources(id).map((s) => s.id)));
    expect(SOURCE_IDS.filter((id) => !cited.has(id))).toEqual([]);
  });

  it("cites the study the tool is built around", () => {
    expect(SOURCES["li2021-closer"].url).toBe("https://doi.org/10.5220/0010440502150223");
  });
});
