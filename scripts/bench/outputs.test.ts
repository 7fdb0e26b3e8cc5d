import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readFixture } from "@/lib/parsers/__test__/fixtures";
import { keepOutput, outputTarget, problemWithOutput, recordFailure } from "./outputs";

describe("step outputs", () => {
  let out: string;
  beforeEach(() => {
    out = mkdtempSync(join(tmpdir(), "hvscope-outputs-"));
    mkdirSync(join(out, "runc"));
  });
  afterEach(() => rmSync(out, { recursive: true, force: true }));

  const fio = { name: "fio-randread-4k", ext: "json", tool: "fio" } as const;

  it("names the final file, a hidden partial file and the failure log", () => {
    const t = outputTarget(out, "runc", fio, 2);
    expect(t.file).toBe("runc/fio-randread-4k-rep2.json");
    expect(t.failedLog).toBe("runc/fio-randread-4k-rep2.failed.log");
    expect(t.partialPath).toBe(join(out, "runc", ".fio-randread-4k-rep2.json.partial"));
  });

  it("keeps a complete output under its final name only", () => {
    const t = outputTarget(out, "runc", fio, 1);
    writeFileSync(t.partialPath, readFixture("fio", "randread-4k.json"));
    expect(problemWithOutput(t, fio)).toBeUndefined();
    keepOutput(t);
    expect(readdirSync(join(out, "runc"))).toEqual(["fio-randread-4k-rep1.json"]);
  });

  it.each([
    ["truncated.json", /the fio parser rejects the output: .*/],
    ["empty.txt", /the tool wrote an empty output/],
    ["ping-loopback.txt", /the output looks like ping, expected fio/],
  ])("refuses %s", (fixture, reason) => {
    const t = outputTarget(out, "runc", fio, 1);
    writeFileSync(t.partialPath, readFixture("fio", fixture));
    expect(problemWithOutput(t, fio)).toMatch(reason);
  });

  it("refuses an iperf3 report of a refused connection, which iperf3 -J prints with exit status 0", () => {
    const step = { name: "iperf3-loopback", ext: "json", tool: "iperf3" } as const;
    const t = outputTarget(out, "runc", step, 1);
    writeFileSync(t.partialPath, readFixture("iperf3", "error-refused.json"));
    expect(problemWithOutput(t, step)).toMatch(/iperf3 parser rejects the output/);
  });

  it("applies the step's parser options (ps totals)", () => {
    const step = { name: "footprint", ext: "txt", tool: "ps", parserOptions: { sum: "yes" } } as const;
    const t = outputTarget(out, "runc", step, 1);
    writeFileSync(t.partialPath, readFixture("ps", "sleep.txt"));
    expect(problemWithOutput(t, step)).toMatch(/invalid ps options/);
    expect(problemWithOutput(t, { ...step, parserOptions: { sum: true } })).toBeUndefined();
  });

  it("on failure drops the partial output and leaves only a log with the reason, command and stderr", () => {
    const t = outputTarget(out, "runc", fio, 3);
    writeFileSync(t.partialPath, readFixture("fio", "truncated.json"));
    recordFailure(t, {
      reason: "timed out after 120 s",
      command: "fio --name=x",
      stderr: "fio: pid=1, err=5\n",
      server: "nginx -c c",
      hostCommand: "runc run x",
    });
    expect(existsSync(t.partialPath)).toBe(false);
    expect(readdirSync(join(out, "runc"))).toEqual(["fio-randread-4k-rep3.failed.log"]);
    const log = readFileSync(t.failedLogPath, "utf8");
    expect(log).toMatch(/^# runc\/fio-randread-4k-rep3\.json failed: not a measurement/);
    expect(log).toContain(
      "reason: timed out after 120 s\ncommand: fio --name=x\nserver in the sandbox: nginx -c c\nsandbox started with: runc run x\n",
    );
    expect(log).toContain("fio: pid=1, err=5");
    expect(log).toContain("--- start of the discarded output ---");
  });
});
