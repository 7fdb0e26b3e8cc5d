import { describe, expect, it } from "vitest";
import { formatInterval, formatPct, formatValue, runtimeLabel } from "./format";

describe("format", () => {
  it.each([
    [1_221_472_256, "bytes_per_s", "1.22 GB/s"],
    [130_000_000, "ns", "130 ms"],
    [763, "ns", "763 ns"],
    [135_692_288, "bytes", "129 MiB"],
    [16_800, "ops_per_s", "16.8 k ops/s"],
    [0, "percent", "0 %"],
    [512, "bytes", "512 B"],
    [0.5, "ops_per_s", "0.5 ops/s"],
    [12_345, "count", "12,350"],
    [7, "widgets", "7 widgets"],
  ])("formats %d %s as %s", (value, unit, text) => {
    expect(formatValue(value, unit)).toBe(text);
  });

  it("signs percentages and says when there is no interval", () => {
    expect(formatPct(1671.8)).toBe("+1,672 %");
    expect(formatPct(-12.34)).toBe("−12.3 %");
    expect(formatInterval(null, null, 1, 1)).toBe("n = 1, no interval");
    expect(formatInterval(10, 20, 3, 3)).toBe("+10.0 % to +20.0 %");
  });

  it("names runtimes with their version and variant", () => {
    expect(runtimeLabel("kata-qemu", "3", null)).toBe("Kata (QEMU) v3");
    expect(runtimeLabel("firecracker", "0.20.0", "api")).toBe("Firecracker 0.20.0 (api)");
    expect(runtimeLabel("youki")).toBe("youki");
  });
});
