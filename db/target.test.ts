import { describe, expect, it } from "vitest";
import { readEnv } from "@/lib/env";
import { redactUrls } from "./open-pg";
import { resolveTarget } from "./target";

describe("resolveTarget", () => {
  const env = (vars: Record<string, string>) => readEnv(vars);

  it("takes --db first, then DATABASE_URL, then HVSCOPE_DB, then data/hvscope.db", () => {
    const url = "postgres://u@h/db";
    expect(resolveTarget("x.db", env({ DATABASE_URL: url }))).toEqual({ kind: "sqlite", path: "x.db", label: "x.db" });
    expect(resolveTarget(undefined, env({ DATABASE_URL: url, HVSCOPE_DB: "y.db" }))).toMatchObject({
      kind: "postgres",
      url,
    });
    expect(resolveTarget(undefined, env({ HVSCOPE_DB: "y.db" }))).toMatchObject({ kind: "sqlite", path: "y.db" });
    expect(resolveTarget(undefined, env({}))).toMatchObject({ kind: "sqlite", path: "data/hvscope.db" });
    expect(resolveTarget("postgresql://u@h/db", env({}))).toMatchObject({ kind: "postgres" });
  });

  it("never shows a URL's password", () => {
    const target = resolveTarget("postgres://hvscope:s3cret@db.example.org:5432/hvscope", env({}));
    expect(target.label).toBe("postgres://hvscope:***@db.example.org:5432/hvscope");
    expect(redactUrls("--db=postgresql://a:b%40c@h/d")).toBe("--db=postgresql://a:***@h/d");
    expect(redactUrls("data/hvscope.db")).toBe("data/hvscope.db");
  });

  it("refuses a DATABASE_URL that is not PostgreSQL, naming the variable", () => {
    expect(() => env({ DATABASE_URL: "mysql://u@h/db" })).toThrow(/DATABASE_URL/);
  });

  it("sizes the server's PostgreSQL pool from HVSCOPE_PG_POOL_SIZE (8 when unset), refusing anything but a positive whole number", () => {
    expect(env({}).HVSCOPE_PG_POOL_SIZE).toBe(8);
    expect(env({ HVSCOPE_PG_POOL_SIZE: "20" }).HVSCOPE_PG_POOL_SIZE).toBe(20);
    for (const bad of ["0", "-3", "2.5", "eight"])
      expect(() => env({ HVSCOPE_PG_POOL_SIZE: bad })).toThrow(/HVSCOPE_PG_POOL_SIZE/);
  });
});
