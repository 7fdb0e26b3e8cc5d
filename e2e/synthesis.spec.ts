import { expect, test } from "@playwright/test";
import { failOnConsoleErrors } from "./helpers";

// The e2e database holds data/bundled and every public dataset (e2e/build-db.ts), as `npm run setup` does.

const SYNTHESIS = "Pooled overhead by runtime and category, across datasets";

test.beforeEach(({ page }) => failOnConsoleErrors(page));

test("the overview names every system of the study with numbers across datasets, pooled or indirect", async ({
  page,
}) => {
  await page.goto("/");
  const table = page.getByRole("table", { name: SYNTHESIS });
  for (const runtime of ["runc", "gVisor (ptrace)", "Kata (QEMU)", "Firecracker", "QEMU/KVM"]) {
    if (runtime === "runc") {
      await expect(page.getByText("Every dataset, against runc.")).toBeVisible();
      continue;
    }
    const row = table.getByRole("row", { name: new RegExp(`^${runtime.replace(/[()/]/g, "\\$&")}`) });
    await expect(
      row
        .locator("td")
        .filter({ hasText: /[+−±][\d,.]+ %/ })
        .first(),
      runtime,
    ).toBeVisible();
  }
  // Kata was measured next to runc in two studies (Kata 2 and 3); Firecracker only through bare metal.
  await expect(table.getByRole("row", { name: /^Kata \(QEMU\)/ })).toContainText("k = 2");
  await expect(table.getByRole("row", { name: /^Firecracker/ })).toContainText("indirect");
});

test("a cell opens its forest plot, and each study its own explore view", async ({ page }) => {
  await page.goto("/");
  const row = page.getByRole("table", { name: SYNTHESIS }).getByRole("row", { name: /^Kata \(QEMU\)/ });
  await row.getByRole("link", { name: /k = 2/ }).first().click();
  await expect(page).toHaveURL(/\/synthesis\?.*runtime=kata-qemu.*category=/);
  const forest = page.getByRole("region", { name: /^Kata \(QEMU\): / }).first();
  await expect(forest.getByRole("row", { name: /Pooled, k = 2/ })).toBeVisible();
  await expect(forest.getByText(/I² = \d+ % of the spread is between studies/)).toBeVisible();
  const studies = forest.getByRole("link", { name: /idlab-containerd-runtimes/ });
  await expect(studies).toHaveCount(2);
  await studies.first().click();
  await expect(page).toHaveURL(/\/explore\?dataset=idlab-containerd-runtimes.*runtime=kata-qemu/);
});

test("an indirect study goes through bare metal and its explore view compares against it", async ({ page }) => {
  await page.goto("/synthesis?runtime=firecracker&category=disk");
  const forest = page.getByRole("region", { name: "Firecracker: disk" });
  await expect(forest).toContainText("indirect, via No sandbox (host)");
  await expect(forest).toContainText("not pooled");
  await forest.getByRole("link", { name: /firecracker-nsdi2020/ }).click();
  await expect(page).toHaveURL(/dataset=firecracker-nsdi2020.*baseline=bare-metal/);

  await page.goto("/synthesis?runtime=firecracker&indirect=0");
  await expect(page.getByText("No runtime was measured against runc for these filters.")).toBeVisible();
});

test("the synthesis API follows its documented shape and refuses unknown values with a 400", async ({ request }) => {
  const response = await request.get("/api/synthesis?runtime=kata-qemu&category=startup");
  expect(response.status()).toBe(200);
  const body = await response.json();
  expect(Object.keys(body).sort()).toEqual(["baseline", "method", "rows"]);
  expect(body.rows).toHaveLength(1);
  const row = body.rows[0];
  expect(row).toMatchObject({ runtime: "kata-qemu", category: "startup", k: 2, indirect: false, leftOut: 0 });
  expect(row.studies.reduce((sum: number, s: { weight: number }) => sum + s.weight, 0)).toBeCloseTo(1);
  expect(row.ciLowPct).toBeLessThan(row.pooledPct);
  expect(row.studyCount).toBe(row.studies.length);

  // Every row: pooled values and study counts, the studies only with studies=1.
  const all = (await (await request.get("/api/synthesis")).json()).rows;
  const same = all.find(
    (r: { runtime: string; category: string }) => r.runtime === "kata-qemu" && r.category === "startup",
  );
  const { studies, ...pooled } = row;
  expect(same).toEqual(pooled);
  expect(all.every((r: object) => !("studies" in r))).toBe(true);
  const listed = (await (await request.get("/api/synthesis?studies=1")).json()).rows;
  expect(listed).toHaveLength(all.length);
  expect(
    listed.find((r: { runtime: string; category: string }) => r.runtime === "kata-qemu" && r.category === "startup")
      .studies,
  ).toEqual(studies);

  const bad = await request.get("/api/synthesis?category=colour&indirect=maybe&studies=all");
  expect(bad.status()).toBe(400);
  expect((await bad.json()).notices.map((n: { param: string }) => n.param)).toEqual([
    "category",
    "indirect",
    "studies",
  ]);
});

test("dataset= keeps the per-dataset overview, and the overview links back to all datasets", async ({ page }) => {
  await page.goto("/?dataset=gvisor-website");
  await expect(page.getByRole("table", { name: "Geometric-mean overhead by runtime and category" })).toBeVisible();
  await page.getByRole("navigation", { name: "Datasets" }).getByRole("link", { name: "all" }).click();
  await expect(page.getByRole("table", { name: SYNTHESIS })).toBeVisible();
});

test("Copy link pins the synthesis to the latest import, with every value spelled out", async ({ page }) => {
  await page.goto("/?runtime=kata-qemu");
  await page.getByRole("button", { name: "Copy link" }).click();
  const link = await page.getByRole("textbox", { name: "Permalink" }).inputValue();
  expect(link).toMatch(/\/\?baseline=runc&runtime=kata-qemu&asof=\d+&category=&indirect=1$/);
  await page.goto(link);
  await expect(page.getByRole("table", { name: SYNTHESIS }).getByRole("row", { name: /^Kata \(QEMU\)/ })).toBeVisible();
});
