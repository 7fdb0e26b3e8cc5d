import { expect, test } from "@playwright/test";
import { failOnConsoleErrors, overheadRows } from "./helpers";

// The e2e database holds what `npm run setup` imports (e2e/build-db.ts): data/bundled and every
// public dataset in data/public. These are the views a new user opens first.

const HEATMAP = "Geometric-mean overhead by runtime and category";
const SYNTHESIS = "Pooled overhead by runtime and category, across datasets";

test.beforeEach(({ page }) => failOnConsoleErrors(page));

test("the runtime pages of Firecracker, Kata (QEMU) and QEMU/KVM show measured data", async ({ page }) => {
  for (const [id, dataset, baseline] of [
    ["firecracker", "firecracker-nsdi2020", "No sandbox (host)"],
    ["kata-qemu", "idlab-containerd-runtimes", "runc"],
    ["qemu-kvm", "firecracker-nsdi2020", "No sandbox (host)"],
  ] as const) {
    await page.goto(`/runtimes/${id}`);
    await expect(page.getByText(/No data for .* yet/)).toHaveCount(0);
    const section = page.getByRole("region", { name: `Measured in ${dataset}` });
    const heatmap = section.getByRole("table", { name: HEATMAP });
    await expect(heatmap, id).toBeVisible();
    await expect(
      heatmap
        .locator("tbody td")
        .filter({ hasText: /[+−±][\d,.]+ %/ })
        .first(),
      id,
    ).toBeVisible();
    if (baseline !== "runc")
      await expect(section.getByRole("note"), id).toContainText(`so this compares against ${baseline}`);
    else await expect(section.getByRole("note"), id).toHaveCount(0);
  }
});

test("the default pages land on a dataset that holds runc, with no warning", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("status", { name: "Notices about this link" })).toHaveCount(0);
  await expect(page.getByText(/, against runc\./)).toBeVisible();
  await expect(page.getByRole("table", { name: SYNTHESIS })).toBeVisible();

  await page.goto("/explore");
  await expect(page.getByRole("status", { name: "Notices about this link" })).toHaveCount(0);
  expect((await overheadRows(page)).length).toBeGreaterThan(0);

  await page.goto("/guide");
  await expect(page.getByRole("status", { name: "Notices about this link" })).toHaveCount(0);
  await expect(page.getByRole("table", { name: "Runtimes ranked for this case" })).toBeVisible();
});

test("a dataset without runc or bare metal compares against its first runtime: Kuasar against Kata (CLH)", async ({
  page,
}) => {
  await page.goto("/explore?dataset=kuasar-vs-kata-clh");
  await expect(page.getByRole("note", { name: "Note about this view" })).toContainText(
    "compared against kata-clh instead (none of runc, crun, bare-metal was measured there: its first runtime)",
  );
  const rows = await overheadRows(page);
  expect(new Set(rows.map((r) => r[0]))).toEqual(new Set(["Kuasar VMM sandboxer"]));
});

test("the API answers a dataset without runc with its reference baseline, and a link naming runc with a 400", async ({
  request,
}) => {
  const quiet = await request.get("/api/overhead?dataset=firecracker-nsdi2020&runtime=firecracker");
  expect(quiet.status()).toBe(200);
  const body = await quiet.json();
  expect(body.baseline).toBe("bare-metal");
  expect(body.rows.length).toBeGreaterThan(0);
  const view = await request.get("/api/explore-view?dataset=firecracker-nsdi2020&view=absolute");
  expect(view.status()).toBe(200);

  const explicit = await request.get("/api/overhead?dataset=firecracker-nsdi2020&baseline=runc");
  expect(explicit.status()).toBe(400);
  expect((await explicit.json()).notices).toEqual([
    { param: "baseline", message: expect.stringContaining('Baseline "runc" has no data in firecracker-nsdi2020') },
  ]);
});
