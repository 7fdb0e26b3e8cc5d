import { expect, test } from "@playwright/test";
import { CAPABILITY_MATRIX } from "../lib/catalog/capabilities";
import { CAPABILITY_IDS, CAPABILITY_LABELS } from "../lib/catalog/capability-ids";
import { RUNTIME_IDS, RUNTIMES } from "../lib/runtime-ids";
import { failOnConsoleErrors } from "./helpers";

test("every runtime page shows its facts, cited pros and cons, and what was measured", async ({ page }) => {
  failOnConsoleErrors(page);
  for (const id of RUNTIME_IDS) {
    await page.goto(`/runtimes/${id}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(RUNTIMES[id].name);
    const facts = page.getByRole("definition");
    await expect(facts.first()).not.toBeEmpty();
    await expect(page.getByText("Isolation", { exact: true })).toBeVisible();
    for (const list of ["Pros", "Cons"]) {
      const items = page.getByRole("list", { name: list, exact: true }).getByRole("listitem");
      expect(await items.count(), `${id} ${list}`).toBeGreaterThan(0);
      // Every claim cites a numbered source that exists in the page's source list.
      for (const cite of await items.getByRole("link").allTextContents()) expect(cite).toMatch(/^\[\d+\]$/);
    }
    await expect(page.getByRole("list", { name: "Sources" }).getByRole("link").first()).toHaveAttribute(
      "href",
      /^https:\/\//,
    );
    const measured = page.getByRole("table", { name: "Geometric-mean overhead by runtime and category" }).first();
    const none = page
      .getByText(/No data for .* yet|has no samples here|is the baseline here|No workload was measured under both/)
      .first();
    await expect(measured.or(none).first()).toBeVisible();
  }
});

test("/runtimes shows the capability matrix for every sandbox, in words as well as marks", async ({ page }) => {
  failOnConsoleErrors(page);
  await page.goto("/runtimes");
  const matrix = page.getByRole("table", { name: "Capabilities by runtime" });
  const sandboxes = RUNTIME_IDS.filter((id) => id !== "bare-metal");
  await expect(matrix.locator("tbody tr")).toHaveCount(sandboxes.length);
  for (const c of CAPABILITY_IDS)
    await expect(matrix.getByRole("columnheader", { name: CAPABILITY_LABELS[c].label, exact: true })).toBeVisible();
  for (const id of sandboxes) {
    const row = matrix
      .locator("tbody tr")
      .filter({ has: page.getByRole("rowheader", { name: RUNTIMES[id].name, exact: true }) });
    const cells = row.getByRole("cell");
    await expect(cells).toHaveCount(CAPABILITY_IDS.length);
    for (const [i, c] of CAPABILITY_IDS.entries()) {
      const cell = CAPABILITY_MATRIX[id][c];
      // The word a screen reader reads, the note, and a citation into the source list below.
      await expect(cells.nth(i)).toContainText(`${cell.support} ${cell.note}`);
      await expect(cells.nth(i).getByRole("link").first()).toHaveText(/^\[\d+\]$/);
    }
  }
  await expect(page.getByRole("list", { name: "Sources of the capabilities" })).toContainText(
    /checked \d{4}-\d{2}-\d{2}/,
  );
});

test("on a phone the matrix scrolls inside its own box, not the page", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/runtimes");
  const region = page.getByRole("region", { name: "Capability matrix, scrolls sideways" });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  expect(await region.evaluate((e) => e.scrollWidth > e.clientWidth)).toBe(true);
  await region.focus();
  await page.keyboard.press("ArrowRight");
  await expect.poll(() => region.evaluate((e) => e.scrollLeft)).toBeGreaterThan(0);
});

test("a runtime page lists its column of the matrix, each capability cited", async ({ page }) => {
  failOnConsoleErrors(page);
  await page.goto("/runtimes/firecracker");
  const list = page.locator('dl[aria-label="Capabilities"]');
  for (const c of CAPABILITY_IDS) {
    const cell = CAPABILITY_MATRIX.firecracker[c];
    await expect(list).toContainText(`${CAPABILITY_LABELS[c].label}`);
    await expect(list).toContainText(`${cell.support} ${cell.note}`);
  }
  await expect(list).toContainText("no No VFIO or GPU passthrough");
  await page.goto("/runtimes/bare-metal");
  await expect(page.getByText("Bare metal is the reference point, not a sandbox")).toBeVisible();
});

// No console check here: the browser logs the 404 of the page itself.
test("an unknown runtime id is a friendly 404", async ({ page }) => {
  const res = await page.goto("/runtimes/%3Cscript%3E");
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
});

test.describe("guide on gVisor's published results", () => {
  test.beforeEach(({ page }) => failOnConsoleErrors(page));

  test("gVisor (ptrace)'s page summarises it against runc, with links to explore", async ({ page }) => {
    await page.goto("/runtimes/runsc-ptrace");
    const table = page.getByRole("region", { name: "Measured in gvisor-website" }).getByRole("table");
    await expect(table).toContainText("n = 1");
    await table.getByRole("link").first().click();
    await expect(page).toHaveURL(/\/explore\?dataset=gvisor-website.*runtime=runsc-ptrace/);
  });

  test("the ranking changes with the weights, and the URL carries them", async ({ page }) => {
    await page.goto("/guide?dataset=gvisor-website&case=batch-hpc");
    const ranking = page.getByRole("table", { name: "Runtimes ranked for this case" });
    const firstRuntime = () =>
      ranking.locator("tbody tr").first().getByRole("rowheader").getByRole("link").textContent();
    const before = await firstRuntime();
    const form = page.getByRole("form", { name: "Custom weights" });
    for (const c of ["cpu", "memory", "disk", "network", "startup", "footprint", "web", "database"])
      await form.getByLabel(c, { exact: true }).fill("0");
    await form.getByLabel("syscall", { exact: true }).fill("1");
    await form.getByRole("button", { name: "Rank with these weights" }).click();
    await expect(page).toHaveURL(/case=custom&weights=syscall(:|%3A)1/);
    await expect.poll(firstRuntime).not.toBe(before);
    expect(await firstRuntime()).toBe("gVisor (KVM)");
    // The same URL, opened fresh, gives the same ranking.
    await page.goto(page.url());
    expect(await firstRuntime()).toBe("gVisor (KVM)");
  });

  test("the generated sentences match the API's numbers", async ({ page, request }) => {
    await page.goto("/guide?dataset=gvisor-website&case=custom&weights=syscall:1,disk:1,web:1,database:1,network:1");
    const sentences = await page
      .getByRole("list", { name: /^Explanations for/ })
      .getByRole("link")
      .allTextContents();
    expect(sentences.length).toBeGreaterThan(2);
    for (const s of sentences) {
      // The value's change, then its overhead (docs/decisions/010-one-sign-convention.md).
      const m = /^(.+?): (.+) (\S+) ([+−±][\d,.]+) % \(overhead ([+−±][\d,.]+) %\) against runc, n = (\d+)/.exec(s);
      expect(m, s).not.toBeNull();
      const [, label, workload, metric, pct, overheadPct, n] = m!;
      const runtime = RUNTIME_IDS.find((id) => RUNTIMES[id].name === label)!;
      const api = await (
        await request.get(
          `/api/overhead?dataset=gvisor-website&runtime=${runtime}&workload=${encodeURIComponent(workload!)}&metric=${metric}`,
        )
      ).json();
      const row = api.rows.find(
        (r: { runtime: string; workload: string }) => r.runtime === runtime && r.workload === workload,
      );
      const change = row.direction === "lower" ? row.overheadPct : 100 / (1 + row.overheadPct / 100) - 100;
      const number = (text: string) => Number(text.replace("−", "-").replace("±", "").replace(/,/g, ""));
      const close = (shown: number, exact: number) =>
        expect(Math.abs(shown - exact), s).toBeLessThanOrEqual(Math.abs(exact) >= 100 ? 0.5 : 0.05);
      close(number(pct!), change);
      close(number(overheadPct!), row.overheadPct);
      expect(Number(n), s).toBe(row.n);
    }
  });

  test("bad custom weights show a notice, not an error", async ({ page }) => {
    await page.goto("/guide?dataset=gvisor-website&case=custom&weights=gpu:9");
    await expect(page.getByRole("status", { name: "Notices about this link" })).toContainText('unknown category "gpu"');
  });
});
