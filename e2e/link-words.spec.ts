import { expect, test, type Page } from "@playwright/test";
import { BUNDLED as BUNDLED_LABELS } from "./bundled-dataset";
import { failOnConsoleErrors } from "./helpers";

/* Issue 20, points 5 and 6: links say what they changed, and numbers are said one way. */

const BUNDLED = BUNDLED_LABELS.dataset;
const notices = (page: Page) => page.getByRole("status", { name: "Notices about this link" });

test.beforeEach(({ page }) => failOnConsoleErrors(page));

test("a runtime alias from import (gvisor-ptrace) ends on its canonical id, with nothing to complain about", async ({
  page,
}) => {
  await page.goto("/explore?dataset=gvisor-website&runtime=gvisor-ptrace");
  await expect(page).toHaveURL(/[?&]runtime=runsc-ptrace(&|$)/);
  await expect(page.getByRole("checkbox", { name: "gVisor (ptrace)", exact: true })).toBeChecked();
  await expect(notices(page)).toHaveCount(0);
  // The API reads the same aliases and answers with the canonical id.
  const body = await (
    await page.request.get("/api/overhead?dataset=gvisor-website&runtime=gvisor-ptrace&baseline=runc")
  ).json();
  expect(new Set(body.rows.map((r: { runtime: string }) => r.runtime))).toEqual(new Set(["runsc-ptrace"]));
});

test("a misspelt parameter name is named, with the name it probably meant, on every page reading the URL", async ({
  page,
}) => {
  for (const path of ["/explore?dataset=gvisor-website&", "/?", `/?dataset=${BUNDLED}&`, "/guide?", "/synthesis?"]) {
    await page.goto(`${path}runtme=crun`);
    await expect(notices(page), path).toContainText('Ignored unknown parameter "runtme"; did you mean "runtime"?');
  }
  const api = await page.request.get("/api/overhead?dataset=gvisor-website&runtme=crun");
  expect(api.status()).toBe(400);
  expect((await api.json()).notices[0].message).toContain('did you mean "runtime"');
});

test("choosing a metric that a selected workload lacks says which workload is hidden, and why", async ({ page }) => {
  await page.goto(
    `/explore?dataset=${BUNDLED}&workload=redis%20GET,fio%20randread%20bs%3D4k%20iodepth%3D8%20ioengine%3Dlibaio`,
  );
  await expect(notices(page)).toHaveCount(0);
  await expect(page.getByText(/Ctrl-click .* picks several workloads/)).toBeVisible();
  await page.getByRole("form", { name: "Filters" }).getByLabel("Metric").selectOption("read_iops");
  await expect(page).toHaveURL(/metric=read_iops/);
  await expect(notices(page)).toContainText(
    "redis GET has no read_iops; it is hidden while metric read_iops is chosen.",
  );
});

test("the absolute view's intervals stay above zero, and negative numbers use one minus sign", async ({ page }) => {
  // crun's three repetitions of fio read bs=1m spread from 849 to 2,208 ops/s: the arithmetic
  // interval used to start at -214 ops/s.
  await page.goto(
    `/explore?dataset=${BUNDLED}&runtime=crun&workload=fio%20read%20bs%3D1m%20iodepth%3D8%20ioengine%3Dlibaio&metric=read_iops&view=absolute`,
  );
  const table = page.getByRole("table").filter({ hasText: "Geometric mean" }).first();
  const crun = table.locator("tbody tr").filter({ has: page.getByRole("rowheader", { name: /^crun/ }) });
  const interval = (await crun.locator("td").nth(3).textContent())!;
  expect(interval).toMatch(/^[\d.,]+ (k )?ops\/s to [\d.,]+ (k )?ops\/s$/);
  // The overhead view of the same selection: negative overheads read "−", never "-".
  await page.getByRole("radio", { name: "overhead" }).check();
  const overheadTable = page.getByRole("table", { name: "Overhead against the baseline" });
  await expect(overheadTable).toBeVisible();
  expect(await overheadTable.locator("tbody").textContent()).not.toMatch(/-\d/);
});

test("iperf3 stream counts read P=1, and the baseline's own page says why it has no cost", async ({ page }) => {
  await page.goto("/explore?dataset=firecracker-nsdi2020&baseline=bare-metal");
  await expect(page.getByRole("option", { name: "iperf3 host to guest P=1", exact: true })).toHaveCount(1);
  await expect(page.getByRole("option", { name: /P=0\d/ })).toHaveCount(0);
  await page.goto("/runtimes/runc");
  await expect(page.getByText(/runc is the baseline every runtime is compared with/)).toBeVisible();
  await expect(page.getByText(/No workload was measured under both runc and runc/)).toHaveCount(0);
  await page.getByRole("link", { name: /^runc against .*, across datasets$/ }).click();
  await expect(page).toHaveURL(/\/synthesis\?.*baseline=(crun|bare-metal)/);
});
