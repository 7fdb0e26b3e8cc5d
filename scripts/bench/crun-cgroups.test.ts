import { describe, expect, it } from "vitest";
import { crunCgroupAdvice, isCrunHybridError, v1MountCommands } from "./crun-cgroups";

describe("crun on a hybrid cgroup layout", () => {
  it("recognises crun 1.8's refusal as it prints it", () => {
    expect(isCrunHybridError("cgroups in hybrid mode not supported, drop all controllers from cgroupv2\n")).toBe(true);
    expect(isCrunHybridError("container_linux.go:380: starting container process caused")).toBe(false);
  });

  it("tells the exact commands and the flag that runs them", () => {
    expect(v1MountCommands(["hugetlb"])).toEqual([
      ["mkdir", "-p", "/sys/fs/cgroup/hugetlb"],
      ["mount", "-t", "cgroup", "-o", "hugetlb", "cgroup", "/sys/fs/cgroup/hugetlb"],
    ]);
    const advice = crunCgroupAdvice(["hugetlb"]);
    expect(advice).toContain(
      "As root, run: mkdir -p /sys/fs/cgroup/hugetlb && mount -t cgroup -o hugetlb cgroup /sys/fs/cgroup/hugetlb",
    );
    expect(advice).toContain("--fix-crun-cgroups");
    expect(crunCgroupAdvice([])).toMatch(/crun cannot be measured on this host/);
  });
});
