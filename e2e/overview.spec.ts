import { expect, test } from "@playwright/test";
import { failOnConsoleErrors } from "./helpers";

test.beforeEach(({ page }) => failOnConsoleErrors(page));

test("the overview's heatmap cell opens the matching explore view", async ({ page }) => {
  await page.goto("/?dataset=gvisor-website");
  const heatmap = page.getByRole("table", { name: "Geometric-mean overhead by runtime and category" });
  const row = heatmap.getByRole("row", { name: /gVisor \(ptrace\)/ });
  await expect(row).toContainText("n = 1");
  await row.getByRole("link").first().click();
  await expect(page).toHaveURL(/\/explore\?dataset=gvisor-website.*runtime=runsc-ptrace/);
  await expect(page.getByRole("table", { name: "Overhead against the baseline" })).toContainText("gVisor (ptrace)");
});

test("headline findings state n and link to their rows", async ({ page }) => {
  await page.goto("/?dataset=gvisor-website");
  const findings = page.getByRole("region", { name: "Headline findings" }).getByRole("link");
  // The value's change, then its overhead, then n (docs/decisions/010-one-sign-convention.md).
  await expect(findings.first()).toContainText(/: \S+ [+−][\d,.]+ % \(overhead [+−][\d,.]+ %\), n = 1\.$/);
  await findings.first().click();
  await expect(page).toHaveURL(/\/explore\?.*workload=/);
});

test("the Firecracker dataset, without runc, compares against bare metal and says so quietly", async ({ page }) => {
  await page.goto("/?dataset=firecracker-nsdi2020");
  await expect(page.getByRole("status", { name: "Notices about this link" })).toHaveCount(0);
  await expect(page.getByRole("note", { name: "Note about this view" })).toContainText(
    "runc was not measured in firecracker-nsdi2020 on m5d.metal; compared against bare-metal instead",
  );
  await expect(page.getByText("firecracker-nsdi2020 on m5d.metal, against No sandbox (host).")).toBeVisible();
  await expect(page.getByRole("table", { name: "Geometric-mean overhead by runtime and category" })).toContainText(
    "Firecracker 0.20.0",
  );
});

test("a link that names runc in the Firecracker dataset warns and offers the runtimes it has as baselines", async ({
  page,
}) => {
  await page.goto("/?dataset=firecracker-nsdi2020&baseline=runc");
  await expect(page.getByRole("status", { name: "Notices about this link" })).toContainText(
    'Baseline "runc" has no data in firecracker-nsdi2020',
  );
  await page.getByRole("link", { name: "QEMU/KVM" }).click();
  await expect(page).toHaveURL(/baseline=qemu-kvm/);
  await expect(page.getByRole("table", { name: "Geometric-mean overhead by runtime and category" })).toContainText(
    "Firecracker 0.20.0",
  );
});
