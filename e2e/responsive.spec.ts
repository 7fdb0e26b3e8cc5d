import { expect, test, type Page } from "@playwright/test";
import { failOnConsoleErrors, firstSourcePath } from "./helpers";

// Phone, tablet, laptop and desktop widths (issue 20): no page scrolls sideways, every chart draws.
const WIDTHS = [390, 768, 1280, 1920];

const PAGES = [
  "/",
  "/explore",
  "/explore?view=absolute",
  "/guide",
  "/runtimes",
  "/runtimes/runsc-ptrace",
  // A raw file of the default explore view: the first source link of its table (see firstSourcePath).
  "/sources/<id>",
];

test.beforeEach(({ page }) => failOnConsoleErrors(page));

/** Scrolls through the page, so charts drawn only near the viewport draw. */
async function scrollThrough(page: Page) {
  await page.evaluate(async () => {
    for (let y = 0; y < document.documentElement.scrollHeight; y += window.innerHeight / 2) {
      window.scrollTo(0, y);
      await new Promise((r) => setTimeout(r, 50));
    }
  });
}

for (const width of WIDTHS) {
  for (const path of PAGES) {
    test(`${path} at ${width} px: no sideways scroll, every chart draws a mark`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      const url = path === "/sources/<id>" ? await firstSourcePath(page) : path;
      const response = await page.goto(url);
      expect(response?.status()).toBe(200);
      await scrollThrough(page);
      const charts = page.locator("[data-chart]");
      const count = await charts.count();
      for (let i = 0; i < count; i++) {
        const chart = charts.nth(i);
        await chart.scrollIntoViewIfNeeded();
        // A mark is drawn when it has a size: marks inside a folded category have none.
        await expect
          .poll(() =>
            chart
              .locator("[data-mark]")
              .evaluateAll((marks) =>
                marks.some((m) => m.getBoundingClientRect().width > 0 && m.getBoundingClientRect().height > 0),
              ),
          )
          .toBe(true);
      }
      if (path.startsWith("/explore") || path === "/" || path === "/guide" || path === "/runtimes/runsc-ptrace")
        expect(count).toBeGreaterThan(0);
      const widths = await page.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        viewport: window.innerWidth,
      }));
      expect(widths.scroll).toBeLessThanOrEqual(widths.viewport);
    });
  }
}
