import { describe, expect, it } from "vitest";
import { readEnv } from "@/lib/env";
import { DEFAULT_BENCH_DB, envFor, resolveBenchTarget, toPgPlaceholders } from "./bench-db";
import { databaseUrl, scratchName } from "./scratch-db";

const env = (vars: Record<string, string>) => readEnv(vars);
const url = "postgres://bench:s3cret@db.example.org:5432/perf";

describe("resolveBenchTarget", () => {
  it("takes --db first, then DATABASE_URL, then perf:gen's file, never HVSCOPE_DB's everyday database", () => {
    expect(resolveBenchTarget("x.db", env({ DATABASE_URL: url }))).toMatchObject({ kind: "sqlite", path: "x.db" });
    expect(resolveBenchTarget(url, env({}))).toMatchObject({ kind: "postgres", url });
    expect(resolveBenchTarget(undefined, env({ DATABASE_URL: url, HVSCOPE_DB: "y.db" }))).toMatchObject({
      kind: "postgres",
      url,
    });
    expect(resolveBenchTarget(undefined, env({ HVSCOPE_DB: "y.db" }))).toMatchObject({
      kind: "sqlite",
      path: DEFAULT_BENCH_DB,
    });
  });

  it("labels a PostgreSQL database without its password", () => {
    expect(resolveBenchTarget(url, env({})).label).toBe("postgres://bench:***@db.example.org:5432/perf");
  });
});

describe("envFor", () => {
  // NODE_ENV is typed as always set; the shell here has only what matters.
  const shell = { PATH: "/usr/bin", DATABASE_URL: url, HVSCOPE_DB: "mine.db" } as unknown as NodeJS.ProcessEnv;

  it("points a child at the SQLite file alone, dropping a DATABASE_URL that would win over it", () => {
    const child = envFor({ kind: "sqlite", path: "/tmp/perf.db", label: "/tmp/perf.db" }, shell);
    expect(child).toEqual({ PATH: "/usr/bin", HVSCOPE_DB: "/tmp/perf.db" });
  });

  it("points a child at the PostgreSQL database through DATABASE_URL, not argv", () => {
    const other = "postgres://u@h/other";
    expect(envFor({ kind: "postgres", url: other, label: other }, shell)).toEqual({
      PATH: "/usr/bin",
      DATABASE_URL: other,
    });
  });
});

describe("toPgPlaceholders", () => {
  it("numbers each ? in order", () => {
    expect(toPgPlaceholders("SELECT a FROM t WHERE b = ? AND c <= ? OR d = ?")).toBe(
      "SELECT a FROM t WHERE b = $1 AND c <= $2 OR d = $3",
    );
    expect(toPgPlaceholders("SELECT 1")).toBe("SELECT 1");
  });
});

describe("throwaway database names", () => {
  it("replaces the database of a URL and nothing else", () => {
    expect(databaseUrl(url, "hvscope_bench_12_real_0")).toBe(
      "postgres://bench:s3cret@db.example.org:5432/hvscope_bench_12_real_0",
    );
    expect(databaseUrl("postgresql://u@h/perf?sslmode=require", "x")).toBe("postgresql://u@h/x?sslmode=require");
  });

  it("makes names PostgreSQL takes unquoted, and refuses one it would cut", () => {
    expect(scratchName("hvscope_bench_12", "warm-up limit")).toBe("hvscope_bench_12_warm_up_limit");
    expect(() => scratchName("hvscope_bench_12", "x".repeat(60))).toThrow(/not a usable database name/);
    expect(() => scratchName("1bench", "x")).toThrow(/not a usable database name/);
  });
});
