import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { firstSourcePath } from "./helpers";

/** A page as a reader meets it: its charts drawn (they load after hydration) before the scan. */
async function open(page: Page, path: string) {
  await page.goto(path);
  await expect(page.locator("main")).toBeVisible();
  // A chart is a described listbox (components/charts/navigable-chart.tsx); a <select multiple> is not.
  const charts = page.locator("[role=listbox][aria-describedby]");
  // Recharts arrives by import() after hydration, which takes a while on a busy machine; the
  // overhead small multiples are plain SVG, drawn on the server.
  if ((await charts.count()) > 0)
    await expect(charts.first().locator("svg.recharts-surface, svg[data-chart-svg]").first()).toBeVisible({
      timeout: 30_000,
    });
}

const PAGES = [
  "/",
  "/explore",
  "/explore?view=absolute",
  "/guide",
  "/runtimes",
  "/runtimes/runsc-ptrace",
  "/synthesis",
  "/upload",
];

for (const colorScheme of ["light", "dark"] as const) {
  test.describe(`axe-core, ${colorScheme} theme`, () => {
    // axe walks every node: explore's table and the synthesis hold thousands.
    test.describe.configure({ timeout: 120_000 });
    test.beforeEach(async ({ page }) => {
      // next-themes follows the system scheme by default (components/ui/theme-toggle.tsx).
      await page.emulateMedia({ colorScheme });
    });

    for (const path of [...PAGES, "sources"]) {
      test(`${path}: no serious or critical violation`, async ({ page }) => {
        const target = path === "sources" ? await firstSourcePath(page) : path;
        await open(page, target);
        await expect(page.locator("html")).toHaveClass(colorScheme === "dark" ? /\bdark\b/ : /\blight\b/);
        const { violations } = await new AxeBuilder({ page }).analyze();
        const serious = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
        // Each violation's id, impact and nodes (the first few: one rule can hit hundreds of cells).
        const report = serious.map(
          (v) =>
            `${v.id} (${v.impact}, ${v.nodes.length} nodes): ${v.help}\n` +
            v.nodes
              .slice(0, 5)
              .map(
                (n) => `    ${n.target.join(" ")}: ${(n.failureSummary ?? "").split("\n").slice(1).join(" ").trim()}`,
              )
              .join("\n"),
        );
        expect(serious.length, `${target} in ${colorScheme}:\n${report.join("\n")}`).toBe(0);
      });
    }
  });
}
