import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { USE_CASES } from "../lib/catalog/use-cases";
import { formatPct, runtimeLabel } from "../lib/format";
import { failOnConsoleErrors } from "./helpers";
import { BUNDLED as BUNDLED_LABELS } from "./bundled-dataset";

const { dataset: BUNDLED, host: BUNDLED_HOST } = BUNDLED_LABELS;
const SERVERLESS = Object.keys(USE_CASES.serverless.weights);

interface ApiRow {
  runtime: string;
  variant: string | null;
  category: string;
  k: number;
  pooledPct: number | null;
  indirect: boolean;
  unpooledPct: number | null;
}

/** The synthesis rows of the serverless categories, as GET /api/synthesis serves them. */
async function serverlessRows(request: APIRequestContext, indirect = 1): Promise<ApiRow[]> {
  const res = await request.get(`/api/synthesis?indirect=${indirect}`);
  expect(res.status()).toBe(200);
  return ((await res.json()).rows as ApiRow[]).filter((r) => SERVERLESS.includes(r.category));
}

/** What a synthesis cell shows: the pooled value, or the geometric mean of n = 1 studies (lib/synthesis/cells.ts). */
function shownPct(r: ApiRow): number {
  return r.pooledPct ?? r.unpooledPct!;
}

const ranking = (page: Page) => page.getByRole("table", { name: "Runtimes ranked for this case" });

/** A category's line in a ranked runtime's evidence list. */
const evidenceItem = (page: Page, r: ApiRow) =>
  page
    .getByRole("list", { name: `Evidence for ${runtimeLabel(r.runtime, null, r.variant)}`, exact: true })
    .getByRole("listitem")
    .filter({ hasText: new RegExp(`^${r.category} ×`) });

test.describe("guide on the synthesis across datasets", () => {
  test.beforeEach(({ page }) => failOnConsoleErrors(page));

  test("serverless names gVisor, Kata, Firecracker and QEMU/KVM with numbers, marked pooled, indirect or n = 1", async ({
    page,
    request,
  }) => {
    const rows = await serverlessRows(request);
    const families: [name: string, matches: (id: string) => boolean][] = [
      ["gVisor", (id) => id.startsWith("runsc-")],
      ["Kata", (id) => id.startsWith("kata-")],
      ["Firecracker", (id) => id === "firecracker"],
      ["QEMU/KVM", (id) => id === "qemu-kvm"],
    ];
    await page.goto("/guide?case=serverless");
    await expect(page.getByRole("navigation", { name: "Ranked on" }).locator("strong")).toHaveText(
      "all datasets (synthesis)",
    );
    for (const [family, matches] of families) {
      const familyRows = rows.filter((r) => matches(r.runtime));
      expect(familyRows.length, `${family} has synthesis rows`).toBeGreaterThan(0);
      for (const r of familyRows) {
        const label = runtimeLabel(r.runtime, null, r.variant);
        await expect(
          ranking(page).getByRole("rowheader").getByRole("link", { name: label, exact: true }),
        ).toBeVisible();
        const item = evidenceItem(page, r);
        await expect(item.locator('a[href^="/synthesis"]'), `${label} ${r.category}`).toHaveText(
          formatPct(shownPct(r)),
        );
        await expect(item).toContainText(`k = ${r.k}`);
        if (r.indirect) await expect(item).toContainText("via ");
        if (r.k === 0) await expect(item).toContainText("n = 1, not pooled");
        else await expect(item).not.toContainText("n = 1, not pooled");
      }
    }
  });

  test("every number links down: a value to its forest plot, a dataset to its explore view", async ({ page }) => {
    await page.goto("/guide?case=serverless");
    const gvisorStartup = evidenceItem(page, {
      runtime: "runsc-ptrace",
      variant: null,
      category: "startup",
    } as ApiRow);
    await expect(gvisorStartup.locator('a[href^="/synthesis"]')).toHaveAttribute(
      "href",
      "/synthesis?runtime=runsc-ptrace&category=startup",
    );
    // The Firecracker data has no runc: its explore view is against the bridge, bare metal.
    const firecracker = page.getByRole("list", { name: "Evidence for Firecracker", exact: true });
    await expect(firecracker.getByRole("link", { name: "firecracker-nsdi2020" }).first()).toHaveAttribute(
      "href",
      /^\/explore\?dataset=firecracker-nsdi2020&host=m5d\.metal&runtime=firecracker&workload=[^&]+&baseline=bare-metal$/,
    );
    await gvisorStartup.getByRole("link", { name: BUNDLED }).click();
    await expect(page).toHaveURL(
      new RegExp(`/explore\\?dataset=${BUNDLED}&host=${BUNDLED_HOST}&runtime=runsc-ptrace&workload=`),
    );
    await expect(page.getByRole("table", { name: "Overhead against the baseline" })).toContainText("gVisor (ptrace)");

    await page.goBack();
    await gvisorStartup.locator('a[href^="/synthesis"]').click();
    await expect(page).toHaveURL(/\/synthesis\?runtime=runsc-ptrace&category=startup$/);
    await expect(page.getByRole("region", { name: "gVisor (ptrace): startup" })).toBeVisible();
  });

  test("switches to one dataset and back, keeping the case", async ({ page }) => {
    await page.goto("/guide?case=serverless");
    const modes = page.getByRole("navigation", { name: "Ranked on" });
    await modes.getByRole("link", { name: /^one dataset: / }).click();
    await expect(page).toHaveURL(/\/guide\?dataset=[^&]+&host=[^&]+&case=serverless$/);
    await expect(modes.locator("strong")).toHaveText(/^one dataset: /);
    await expect(ranking(page)).toContainText("Why: the measured rows that weigh most");
    await modes.getByRole("link", { name: "all datasets (synthesis)" }).click();
    await expect(page).toHaveURL(/\/guide\?case=serverless$/);
    await expect(ranking(page)).toContainText("Per category: pooled value");
  });

  test("use cases, custom weights and indirect=0 keep the synthesis mode", async ({ page, request }) => {
    await page.goto("/guide?indirect=0");
    await page.getByRole("navigation", { name: "Use cases" }).getByRole("link", { name: "Serverless / FaaS" }).click();
    await expect(page).toHaveURL(/\/guide\?case=serverless&indirect=0$/);
    const direct = await serverlessRows(request, 0);
    expect(direct.every((r) => !r.indirect)).toBe(true);
    await expect(ranking(page).getByRole("listitem").filter({ hasText: "via " })).toHaveCount(0);

    const form = page.getByRole("form", { name: "Custom weights" });
    for (const c of ["cpu", "memory", "disk", "network", "syscall", "footprint", "web", "database"])
      await form.getByLabel(c, { exact: true }).fill("0");
    await form.getByLabel("startup", { exact: true }).fill("1");
    await form.getByRole("button", { name: "Rank with these weights" }).click();
    await expect(page).toHaveURL(/weights=startup(:|%3A)1/);
    const params = new URL(page.url()).searchParams;
    expect([params.get("case"), params.get("indirect"), params.has("dataset")]).toEqual(["custom", "0", false]);
    await expect(page.getByRole("heading", { name: "Custom weights" })).toBeVisible();
    await expect(ranking(page)).toContainText("Per category: pooled value");
  });
});

test("with dataset= the guide ranks within that dataset, as before", async ({ page }) => {
  failOnConsoleErrors(page);
  await page.goto(`/guide?dataset=${BUNDLED}&case=serverless`);
  await expect(page.getByRole("navigation", { name: "Ranked on" }).locator("strong")).toHaveText(
    `one dataset: ${BUNDLED} on ${BUNDLED_HOST}`,
  );
  await expect(page.getByText(`against runc in ${BUNDLED} on ${BUNDLED_HOST}`)).toBeVisible();
  const explanations = page.getByRole("list", { name: /^Explanations for gVisor \(ptrace\)/ }).getByRole("link");
  await expect(explanations.first()).toHaveText(/against runc, n = \d+/);
  await expect(explanations.first()).toHaveAttribute(
    "href",
    new RegExp(`^/explore\\?dataset=${BUNDLED}&host=${BUNDLED_HOST}&`),
  );
});

test.describe("guide requirements", () => {
  test.beforeEach(({ page }) => failOnConsoleErrors(page));

  test("requiring a GPU sets Firecracker apart with the reason; the link toggles it in the URL", async ({ page }) => {
    await page.goto("/guide?case=serverless");
    const firecrackerRow = () =>
      ranking(page)
        .locator("tbody tr")
        .filter({ has: page.getByRole("rowheader").getByRole("link", { name: "Firecracker", exact: true }) });
    await expect(firecrackerRow()).not.toContainText("lacks");
    await page
      .getByRole("navigation", { name: "Required capabilities" })
      .getByRole("link", { name: /GPU and accelerators/ })
      .click();
    await expect(page).toHaveURL(/[?&]require=gpu(&|$)/);
    await expect(page).toHaveURL(/[?&]case=serverless(&|$)/);
    const lacks = page.getByRole("list", { name: "What Firecracker lacks for this case" });
    await expect(lacks).toContainText("lacks GPU and accelerators: No VFIO or GPU passthrough");
    await expect(firecrackerRow()).toHaveClass(/text-zinc-600/);
    // gVisor's nvproxy counts (partial support, read the note): not set apart for the GPU.
    await expect(page.getByRole("list", { name: "What gVisor (ptrace) lacks for this case" })).toHaveCount(0);
    await expect(page.getByRole("note", { name: "What the numbers do not measure" })).toContainText(
      "restore sandboxes from snapshots",
    );
  });

  test("web services need a Kubernetes path: bare VMMs are set apart, Kata is not", async ({ page }) => {
    await page.goto("/guide?case=web-services");
    await expect(page.getByRole("list", { name: "What Cloud Hypervisor lacks for this case" })).toContainText(
      "Kubernetes path: None of its own",
    );
    await expect(page.getByRole("list", { name: "What Kata (Cloud Hypervisor) lacks for this case" })).toHaveCount(0);
  });

  test("an unknown requirement is a notice, not an error", async ({ page }) => {
    const res = await page.goto("/guide?case=custom&weights=cpu:1&require=gpu,quantum");
    expect(res?.status()).toBe(200);
    await expect(page.getByRole("status", { name: "Notices about this link" })).toContainText(
      'Ignored unknown requirement "quantum"',
    );
  });
});
