import { describe, expect, it } from "vitest";
import { MINUS, formatChange, formatInterval, formatOverhead, formatPct, formatValue, runtimeLabel } from "./format";
import { UNITS } from "./units";

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

  it("says a change as the measured value's change, then its overhead (decision 010)", () => {
    // gVisor's iperf3 case of issue 20: the heatmap's +493 % is the guide's −83.1 % throughput.
    expect(formatChange({ metric: "received_throughput", direction: "higher", overheadPct: 493 })).toBe(
      "received_throughput −83.1 % (overhead +493 %)",
    );
    expect(formatChange({ metric: "wall_time", direction: "lower", overheadPct: 35 })).toBe(
      "wall_time +35.0 % (overhead +35.0 %)",
    );
    expect(formatChange({ metric: "requests_per_s", direction: "higher", overheadPct: -50 })).toBe(
      "requests_per_s +100 % (overhead −50.0 %)",
    );
    expect(formatOverhead(0)).toBe("overhead ±0.0 %");
  });

  it("writes every negative number with U+2212, never a hyphen-minus", () => {
    const values = [-1e12, -1_221_472_256, -16_800, -214.2, -12.34, -0.5, -1e-7];
    const outputs = [
      ...values.flatMap((v) => [...Object.keys(UNITS), "percent", "count", "widgets"].map((u) => formatValue(v, u))),
      ...values.map(formatPct),
      ...values.map(formatOverhead),
      ...values.map((v) => formatInterval(v, v / 2, 3, 3)),
      ...values.flatMap((v) =>
        (["higher", "lower"] as const).map((direction) => formatChange({ metric: "m", direction, overheadPct: v })),
      ),
    ];
    for (const text of outputs) {
      expect(text).not.toMatch(/-/);
      expect(text).toContain(MINUS);
    }
  });
});
