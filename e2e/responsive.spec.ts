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

/** The heatmap's scrolling box (HorizontalScroll): its content and its visible width. */
function heatmapWidths(page: Page) {
  return page
    .getByRole("table", { name: /overhead by runtime and category/ })
    .locator("xpath=..")
    .evaluate((box) => ({ scroll: box.scrollWidth, client: box.clientWidth }));
}

// A laptop shows every category; a phone scrolls a heatmap wider than it sideways, and is told so.
test("the synthesis and a dataset's heatmap fit 1400 px; at 390 px one too wide scrolls with a hint and a fade", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto("/");
  const dataset = await page
    .getByRole("navigation", { name: "Datasets" })
    .getByRole("link")
    .first()
    .getAttribute("href");
  const hint = page.getByText(/^Scroll sideways for all \d+ categories/);
  for (const path of ["/", dataset!]) {
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.goto(path);
    const wide = await heatmapWidths(page);
    expect(wide.client).toBeGreaterThan(1000);
    expect(wide.scroll).toBeLessThanOrEqual(wide.client);
    await expect(hint).toHaveCount(0);

    await page.setViewportSize({ width: 390, height: 900 });
    const narrow = await heatmapWidths(page);
    // The synthesis has every category of the study; a dataset's heatmap may have two and fit.
    if (path === "/") expect(narrow.scroll).toBeGreaterThan(narrow.client);
    if (narrow.scroll <= narrow.client) {
      await expect(hint).toHaveCount(0);
      continue;
    }
    await expect(hint).toBeVisible();
    const fade = page.locator("[data-scroll-fade]");
    await expect(fade).toBeVisible();
    // Scrolled to its end, nothing is hidden to the right: the fade goes.
    await page
      .getByRole("table", { name: /overhead by runtime and category/ })
      .locator("xpath=..")
      .evaluate((box) => box.scrollTo({ left: box.scrollWidth }));
    await expect(fade).toHaveCount(0);
  }
});
