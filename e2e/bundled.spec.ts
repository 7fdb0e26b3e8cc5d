import { expect, test } from "@playwright/test";
import { BUNDLED } from "./bundled-dataset";
import { failOnConsoleErrors, overheadRows } from "./helpers";

// The bundled dataset ships in data/bundled, so these run everywhere (no ../shared needed).
const DATASET = BUNDLED.dataset;

test("the bundled dataset's overhead is served by the API: gVisor (ptrace) against runc", async ({ request }) => {
  const res = await request.get(`/api/overhead?dataset=${DATASET}&runtime=runsc-ptrace`);
  expect(res.status()).toBe(200);
  const body = await res.json();
  const rows = body.rows as {
    runtime: string;
    category: string;
    n: number;
    baselineN: number;
    ciLowPct: number | null;
  }[];
  expect(new Set(rows.map((r) => r.category))).toEqual(
    new Set(["cpu", "database", "disk", "footprint", "memory", "network", "startup", "syscall", "web"]),
  );
  // Three repetitions or more on both sides give an interval everywhere.
  expect(rows.every((r) => r.runtime === "runsc-ptrace" && r.n >= 3 && r.baselineN >= 3 && r.ciLowPct !== null)).toBe(
    true,
  );
});

test("the bundled dataset opens in explore with intervals in the table", async ({ page }) => {
  failOnConsoleErrors(page);
  await page.goto(`/explore?dataset=${DATASET}&runtime=crun,runsc-ptrace`);
  const rows = await overheadRows(page);
  expect(rows.length).toBeGreaterThan(10);
  expect(rows.filter((r) => r[8] === "n = 1, no interval")).toEqual([]);
});
