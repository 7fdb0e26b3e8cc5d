import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { failOnConsoleErrors, overheadRows } from "./helpers";

const GVISOR_TMPFS =
  "/explore?dataset=gvisor-website&host=gce-n1-standard-4&workload=tmpfs%20fio.randread&baseline=runc";

test.beforeEach(({ page }) => failOnConsoleErrors(page));

test("a hand-written permalink shows gVisor's published tmpfs random read: +1,672 %, n = 1", async ({ page }) => {
  await page.goto(GVISOR_TMPFS);
  const rows = await overheadRows(page);
  expect(rows).toHaveLength(1);
  const [runtime, workload, metric, n, mean, , baseline, overhead, interval] = rows[0]!;
  expect([runtime, workload, n, mean, baseline, overhead, interval]).toEqual([
    "gVisor (ptrace)",
    "tmpfs fio.randread",
    "1",
    "68.9 MB/s",
    "1.22 GB/s (1)",
    "+1,672 %",
    "n = 1, no interval",
  ]);
  expect(metric).toContain("higher is better");
  const chart = page.getByRole("listbox", { name: /^Overhead against runc, one panel per workload/ });
  await expect(
    chart.locator('[data-mark][data-runtime="runsc-ptrace"][data-workload="tmpfs fio.randread"]'),
  ).toBeVisible();
});

test("an exported SVG carries the chart's title, the permalink and the data source", async ({ page }) => {
  await page.goto(GVISOR_TMPFS);
  await expect(page.locator("[data-chart] [data-mark]").first()).toBeVisible();
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "SVG" }).click(),
  ]);
  const svg = await readFile((await download.path())!, "utf8");
  expect(download.suggestedFilename()).toBe("overhead-vs-runc.svg");
  expect(svg).toContain(">Overhead against runc</text>");
  expect(svg).toContain("workload=tmpfs%20fio.randread");
  expect(svg).toContain(">Source: hvscope, dataset gvisor-website, host gce-n1-standard-4</text>");
  expect(svg).toContain(">gVisor (ptrace)</text>"); // the legend, drawn as SVG
  expect(svg).toContain("data-mark");
});

test("changing a filter changes the URL", async ({ page }) => {
  await page.goto(GVISOR_TMPFS);
  await page.getByRole("radio", { name: "absolute" }).check();
  await expect(page).toHaveURL(/view=absolute/);
  await expect(page.getByRole("heading", { name: "Measured values" })).toBeVisible();
  await page.getByLabel("Baseline").selectOption("runsc-ptrace");
  await expect(page).toHaveURL(/baseline=runsc-ptrace/);
});

test("ticking a runtime narrows the table at once, the server agrees, and unticking restores it", async ({ page }) => {
  await page.goto("/explore?dataset=gvisor-website");
  const table = page.getByRole("table", { name: "Overhead against the baseline" });
  const runtimesShown = async () => new Set(await table.locator("tbody th").allTextContents());
  const all = await table.locator("tbody tr").count();
  expect((await runtimesShown()).size).toBeGreaterThan(1);
  await page.getByRole("checkbox", { name: "gVisor (KVM)" }).check();
  await expect.poll(runtimesShown).toEqual(new Set(["gVisor (KVM)"]));
  await expect(page).toHaveURL(/runtime=runsc-kvm/);
  await page.waitForLoadState("networkidle");
  expect(await runtimesShown()).toEqual(new Set(["gVisor (KVM)"]));
  await page.getByRole("checkbox", { name: "gVisor (KVM)" }).uncheck();
  await expect(table.locator("tbody tr")).toHaveCount(all);
});

test("a copied link opens the same view in a new page, pinned to an import", async ({ page, context }) => {
  await page.goto(
    "/explore?dataset=gvisor-website&runtime=runsc-ptrace&workload=fio.read,fio.write,tmpfs%20fio.randread",
  );
  const before = await overheadRows(page);
  await page.getByRole("button", { name: "Copy link" }).click();
  const link = await page.getByLabel("Permalink").inputValue();
  expect(link).toMatch(
    /dataset=gvisor-website&host=gce-n1-standard-4&runtime=runsc-ptrace&workload=.*&baseline=runc&view=overhead&asof=\d+$/,
  );
  const other = await context.newPage();
  await other.goto(link);
  expect(await overheadRows(other)).toEqual(before);
});

test("without a baseline in the link, the Firecracker dataset compares against bare metal, and the filter shows it", async ({
  page,
}) => {
  await page.goto("/explore?dataset=firecracker-nsdi2020&runtime=firecracker");
  await expect(page.getByRole("status", { name: "Notices about this link" })).toHaveCount(0);
  await expect(page.getByRole("note", { name: "Note about this view" })).toContainText("compared against bare-metal");
  await expect(page.getByRole("form", { name: "Filters" }).getByLabel("Baseline")).toHaveValue("bare-metal");
  const rows = await overheadRows(page);
  expect(rows.find((r) => r[1] === "fio randread bs=4k iodepth=32 ioengine=libaio")?.[0]).toBe("Firecracker 0.20.0");
  // The copied link spells the baseline out, so it keeps meaning the same view.
  await page.getByRole("button", { name: "Copy link" }).click();
  await expect(page.getByLabel("Permalink")).toHaveValue(/baseline=bare-metal/);
});

test("switching the baseline: Firecracker against bare metal on fio and iperf3", async ({ page }) => {
  await page.goto("/explore?dataset=firecracker-nsdi2020&runtime=firecracker&baseline=runc");
  await expect(page.getByText(/runc has no samples in this selection/)).toBeVisible();
  await page.getByRole("link", { name: "No sandbox (host)" }).click();
  await expect(page).toHaveURL(/baseline=bare-metal/);
  const rows = await overheadRows(page);
  const fio = rows.find((r) => r[1] === "fio randread bs=4k iodepth=32 ioengine=libaio");
  expect(fio?.[0]).toBe("Firecracker 0.20.0");
  expect(fio?.[2]).toContain("read_iops (higher is better)");
  const iperf = rows.find((r) => r[1] === "iperf3 host to guest P=1");
  expect(iperf?.[2]).toContain("received_throughput (higher is better)");
  expect(iperf?.[4]).toMatch(/GB\/s$/);
});

test("Firecracker's boot time against QEMU, with an interval from 500 boots each", async ({ page }) => {
  await page.goto(
    "/explore?dataset=firecracker-nsdi2020&baseline=qemu-kvm&runtime=firecracker&workload=boot%20to%20guest%20init%20(serial)",
  );
  const api = (await overheadRows(page)).find((r) => r[0] === "Firecracker 0.20.0 (api)")!;
  expect(api[2]).toContain("boot_time (lower is better)");
  expect(api[3]).toBe("500");
  expect(api[4]).toMatch(/ms$/);
  expect(api[7]).toMatch(/^−/);
  expect(api[8]).toMatch(/^−.* to −/);
});

test("clicking a bar opens its provenance and the raw file", async ({ page }) => {
  await page.goto(GVISOR_TMPFS);
  await page.locator("[data-chart] [data-mark]").first().click();
  const panel = page.getByRole("dialog", { name: /^Provenance/ });
  await expect(panel).toBeVisible();
  await panel.getByRole("button", { name: "Show file" }).first().click();
  await expect(panel.getByText("fio-tmpfs.csv")).toBeVisible();
  await expect(panel.getByLabel("Raw file content")).toContainText("runtime,method,metric,result");
  await expect(panel.getByText(/^[0-9a-f]{64}$/)).toBeVisible();
});

test("the table's source links work without JavaScript", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(GVISOR_TMPFS);
  await expect(page.getByRole("table", { name: "Overhead against the baseline" })).toContainText("+1,672 %");
  await page.getByRole("link", { name: "file" }).first().click();
  await expect(page.getByRole("heading", { name: /Provenance of fio-tmpfs.csv/ })).toBeVisible();
  await expect(page.getByLabel("Raw file content")).toContainText("runsc,fio.randread,bandwidth,68940800");
  await context.close();
});

test("a link with nonsense values shows a notice naming them, not an error", async ({ page }) => {
  await page.goto("/explore?dataset=%3Cscript%3E&runtime=runc,zzz&view=sideways&asof=yesterday&metric=%27%20OR%201=1");
  const notices = page.getByRole("status", { name: "Notices about this link" });
  await expect(notices).toContainText('Unknown dataset "<script>"');
  await expect(notices).toContainText('Unknown view "sideways"');
  await expect(notices).toContainText('"asof" must be an import id');
  await expect(notices).toContainText('Unknown metric "\' OR 1=1"');
});

test("the view radio shows the view fetched ahead before the server answers, and the server's page agrees", async ({
  page,
  context,
}) => {
  const tablesText = (p: Page) => p.locator("table").evaluateAll((tables) => tables.map((t) => t.textContent));
  // The absolute view as the server renders its permalink, on its own.
  const permalink = await context.newPage();
  await permalink.goto("/explore?dataset=gvisor-website&view=absolute");
  await expect(permalink.getByRole("heading", { name: "Measured values" })).toBeVisible();
  const absolute = await tablesText(permalink);
  expect(absolute.length).toBeGreaterThan(1);

  const fetchedAhead = page.waitForResponse((r) => r.url().includes("/api/explore-view") && r.ok());
  await page.goto("/explore?dataset=gvisor-website");
  await fetchedAhead;
  const overhead = await overheadRows(page);
  // Hold back the server's render of every new URL: what shows until then comes from the browser.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/explore?**", async (route) => {
    if (route.request().headers()["rsc"] !== undefined) await held;
    await route.continue().catch(() => undefined); // a superseded navigation was aborted meanwhile
  });
  await page.getByRole("radio", { name: "absolute" }).check();
  await expect.poll(() => tablesText(page)).toEqual(absolute);
  // And back: the view the server rendered first is still in the browser.
  await page.getByRole("radio", { name: "overhead" }).check();
  expect(await overheadRows(page)).toEqual(overhead);
  await page.getByRole("radio", { name: "absolute" }).check();
  await expect.poll(() => tablesText(page)).toEqual(absolute);
  const served = page.waitForResponse(
    (r) => r.request().headers()["rsc"] !== undefined && r.url().includes("view=absolute"),
  );
  release();
  await served;
  await expect(page).toHaveURL("/explore?dataset=gvisor-website&view=absolute");
  expect(await tablesText(page)).toEqual(absolute);
});

test("until the server answers a runtime change, the table shows a narrower or earlier selection and is busy", async ({
  page,
}) => {
  await page.goto("/explore?dataset=gvisor-website");
  const table = page.getByRole("table", { name: "Overhead against the baseline" });
  const runtimesShown = async () => [...new Set(await table.locator("tbody th").allTextContents())].sort();
  const views = page.locator("[aria-busy]");
  const box = (name: string) => page.getByRole("checkbox", { name, exact: true });
  const settle = () => expect(views).toHaveAttribute("aria-busy", "false");
  const all = await runtimesShown();
  expect(all).toEqual(["gVisor (KVM)", "gVisor (ptrace)"]);
  // Served once each: KVM and ptrace, then ptrace alone.
  for (const step of [() => box("gVisor (KVM)").check(), () => box("gVisor (ptrace)").check()]) {
    await step();
    await settle();
  }
  await box("gVisor (KVM)").uncheck();
  await settle();
  expect(await runtimesShown()).toEqual(["gVisor (ptrace)"]);

  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/explore?**", async (route) => {
    if (route.request().headers()["rsc"] !== undefined) await held;
    await route.continue().catch(() => undefined); // a superseded navigation was aborted meanwhile
  });
  // Wider than the rows on screen, and in another order than it was served: the earlier view.
  await box("gVisor (KVM)").check();
  await expect.poll(runtimesShown).toEqual(all);
  await expect(views).toHaveAttribute("aria-busy", "true");
  // Narrower: cut from the rows on screen.
  await box("gVisor (ptrace)").uncheck();
  await expect.poll(runtimesShown).toEqual(["gVisor (KVM)"]);
  release();
  await expect(page).toHaveURL("/explore?dataset=gvisor-website&runtime=runsc-kvm");
  await settle();
  expect(await runtimesShown()).toEqual(["gVisor (KVM)"]);
});
