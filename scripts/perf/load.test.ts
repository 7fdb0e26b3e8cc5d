import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { readFixture } from "@/lib/parsers/__test__/fixtures";
import { fromWrkReport, hasWrk, medianOfRuns, runLoad, wrkRotation, type LoadClient } from "./load";

// Real wrk reports (lib/parsers/__fixtures__/wrk/commands.md has the commands); values copied from them.
describe("fromWrkReport", () => {
  it("reads a `wrk --latency` report as the bench's load result", () => {
    const r = fromWrkReport(readFixture("wrk", "nginx-t2-c16-latency.txt"));
    expect(r.p50Ms).toBeCloseTo(0.526, 9);
    expect(r.p99Ms).toBeCloseTo(41.92, 9);
    expect(r.ok).toBe(70662);
    expect(r.rps).toBeCloseTo(23328.95, 6);
    expect([r.non2xx, r.errors, r.timeouts]).toEqual([0, 0, 0]);
  });

  it("counts only 2xx responses as served, as autocannon's figure does", () => {
    const r = fromWrkReport(readFixture("wrk", "nginx-404-latency.txt"));
    expect([r.ok, r.non2xx, r.rps]).toEqual([0, 94010, 0]);
  });

  it("adds the socket errors up", () => {
    const r = fromWrkReport(readFixture("wrk", "nginx-t2-c300-errors-latency.txt"));
    expect([r.ok, r.errors, r.timeouts]).toEqual([63925, 493, 0]);
    expect(r.p99Ms).toBeCloseTo(363.06, 9);
  });

  it("refuses a report without the latency distribution", () => {
    expect(() => fromWrkReport(readFixture("wrk", "nginx-t2-c16.txt"))).toThrow(
      /latency_p50 \(was --latency given\?\)/,
    );
  });
});

describe("medianOfRuns", () => {
  const runs = ["nginx-t2-c16-latency.txt", "nginx-t2-c300-errors-latency.txt", "nginx-404-latency.txt"].map((f) =>
    fromWrkReport(readFixture("wrk", f)),
  );
  const middle = (pick: (r: (typeof runs)[number]) => number) => runs.map(pick).sort((a, b) => a - b)[1];

  it("takes each statistic's middle run, so one run's burst does not set the tail", () => {
    const r = medianOfRuns(runs);
    expect(r.p99Ms).toBe(middle((x) => x.p99Ms));
    expect(r.p50Ms).toBe(middle((x) => x.p50Ms));
    expect(r.rps).toBe(middle((x) => x.rps));
    // The 300-connection run's tail is the largest of the three; it is not the one reported.
    expect(r.p99Ms).toBeLessThan(Math.max(...runs.map((x) => x.p99Ms)));
    expect(r.runs).toEqual(runs);
  });

  it("adds the runs' counts up", () => {
    const r = medianOfRuns(runs);
    expect(r.ok).toBe(runs[0]!.ok + runs[1]!.ok + runs[2]!.ok);
    expect([r.non2xx, r.errors]).toEqual([runs[2]!.non2xx, runs[1]!.errors]);
  });

  it("refuses no runs", () => {
    expect(() => medianOfRuns([])).toThrow(/no runs/);
  });
});

describe("wrkRotation", () => {
  it("writes a wrk script that requests the paths in turn", () => {
    const script = wrkRotation(["/api/overhead?a=1", "/api/overhead?runtime=runc%2Ccrun"]);
    expect(script).toContain('  "/api/overhead?a=1",\n  "/api/overhead?runtime=runc%2Ccrun",\n}');
    expect(script).toContain('return wrk.format("GET", paths[i])');
  });

  it("refuses a path that would need escaping in Lua or in the request line", () => {
    expect(() => wrkRotation(["/a b"])).toThrow(/not a printable ASCII path/);
    expect(() => wrkRotation(["api"])).toThrow(/not a printable ASCII path/);
  });
});

const wrkInstalled = hasWrk();
if (!wrkInstalled)
  console.warn("scripts/perf/load.test.ts: wrk is not installed (apt-get install wrk); its runLoad test is skipped");

describe("runLoad with several URLs", () => {
  /** A loopback server that counts the paths it was asked for. */
  async function countingServer() {
    const seen = new Map<string, number>();
    const encodings = new Set<string | undefined>();
    const server = createServer((req, res) => {
      seen.set(req.url!, (seen.get(req.url!) ?? 0) + 1);
      encodings.add(req.headers["accept-encoding"]);
      res.end("ok");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return {
      seen,
      encodings,
      base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      close: () => new Promise((r) => server.close(r)),
    };
  }

  for (const client of ["wrk", "autocannon"] as LoadClient[])
    it.skipIf(client === "wrk" && !wrkInstalled)(`requests every URL in turn (${client})`, async () => {
      const server = await countingServer();
      try {
        const paths = [
          "/api/overhead?runtime=runc",
          "/api/overhead?runtime=crun%2Crunc",
          "/api/overhead?baseline=crun",
        ];
        const r = await runLoad(
          paths.map((p) => server.base + p),
          { connections: 2, durationS: 1, client },
        );
        expect(r.ok).toBeGreaterThan(30);
        expect([...server.seen.keys()].sort()).toEqual([...paths].sort());
        // In turn: no path is asked for more than a few times as often as another.
        const counts = [...server.seen.values()];
        expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(Math.max(3, Math.min(...counts) * 0.1));
      } finally {
        await server.close();
      }
    });

  for (const client of ["wrk", "autocannon"] as LoadClient[])
    it.skipIf(client === "wrk" && !wrkInstalled)(`sends the headers given with every request (${client})`, async () => {
      const server = await countingServer();
      try {
        const r = await runLoad(`${server.base}/api/overhead?runtime=runc`, {
          connections: 1,
          durationS: 1,
          client,
          headers: { "accept-encoding": "gzip" },
        });
        expect(r.ok).toBeGreaterThan(10);
        expect([...server.encodings]).toEqual(["gzip"]);
      } finally {
        await server.close();
      }
    });

  it("refuses URLs on other origins", async () => {
    await expect(
      runLoad(["http://127.0.0.1:1/a", "http://127.0.0.1:2/b"], { connections: 1, durationS: 1, client: "autocannon" }),
    ).rejects.toThrow(/one loopback origin/);
    await expect(
      runLoad("http://example.com/", { connections: 1, durationS: 1, client: "autocannon" }),
    ).rejects.toThrow(/one loopback origin/);
  });
});
