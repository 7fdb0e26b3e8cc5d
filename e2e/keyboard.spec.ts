import { expect, test, type Page } from "@playwright/test";

/** Presses Tab until `done` holds for the focused element; fails after `max` presses. */
async function tabUntil(page: Page, done: () => Promise<boolean>, max = 80): Promise<number> {
  for (let presses = 1; presses <= max; presses++) {
    await page.keyboard.press("Tab");
    if (await done()) return presses;
  }
  throw new Error(`not reached within ${max} Tab presses`);
}

const activeRole = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute("role") ?? null);
const activeDescendant = (page: Page) =>
  page.evaluate(() => document.activeElement?.getAttribute("aria-activedescendant") ?? null);

test("the skip link is the first Tab stop and moves focus to the content", async ({ page }) => {
  await page.goto("/explore");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(page.locator("main")).toBeFocused();
});

/** The bar with keyboard focus (the small multiples frame it in the focus colour). */
const ringed = (page: Page) => page.locator("[data-chart] [data-mark][data-active]");

test("keyboard only: Tab to the small multiples, arrows to a bar, Enter opens its provenance, Escape returns to the bar", async ({
  page,
}) => {
  await page.goto("/explore");
  const chart = page.getByRole("listbox", { name: /^Overhead against/ });
  await expect(chart.getByRole("option").first()).toBeAttached();
  await tabUntil(page, async () => (await activeRole(page)) === "listbox");
  await expect(chart).toBeFocused();

  // ←→ stay in a workload's panel, from runtime to runtime.
  const first = await activeDescendant(page);
  await page.keyboard.press("ArrowRight");
  await expect(ringed(page)).toHaveCount(1);
  await expect(page.locator('[data-chart] [data-focus-ring][stroke="var(--focus-ring)"]')).toHaveCount(1);
  const right = await activeDescendant(page);
  expect(right).not.toBe(first);
  const inPanel = {
    workload: await ringed(page).getAttribute("data-workload"),
    runtime: await ringed(page).getAttribute("data-runtime"),
  };
  await page.keyboard.press("ArrowLeft");
  expect(await activeDescendant(page)).toBe(first);
  await page.keyboard.press("ArrowRight");
  await expect(ringed(page)).toHaveAttribute("data-workload", inPanel.workload!);

  // ↓ goes to the same runtime in the next workload.
  await page.keyboard.press("ArrowDown");
  const below = await activeDescendant(page);
  expect(below).not.toBe(right);
  await expect(ringed(page)).toHaveAttribute("data-runtime", inPanel.runtime!);
  await expect(ringed(page)).not.toHaveAttribute("data-workload", inPanel.workload!);
  await expect(ringed(page)).toBeInViewport();
  const option = page.locator(`[id="${below}"]`);
  await expect(option).toHaveAttribute("aria-selected", "true");
  await expect(option).toHaveRole("option");
  // The ring's words under the chart name the same bar, in the one sign convention.
  const words = (await option.textContent())!;
  expect(words).toMatch(/\(overhead [+−]/);
  await expect(page.getByText(`${words} · Enter: samples and raw files`)).toBeVisible();
  const bar = {
    workload: (await ringed(page).getAttribute("data-workload"))!,
    runtime: (await ringed(page).getAttribute("data-runtime"))!,
  };

  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: /^Provenance/ });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(bar.workload);
  expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
  // Tab stays inside the modal dialog.
  for (let i = 0; i < 6; i++) {
    await page.keyboard.press("Tab");
    expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
  }

  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(chart).toBeFocused();
  expect(await activeDescendant(page)).toBe(below);
  await expect(ringed(page)).toHaveAttribute("data-workload", bar.workload);
  await expect(ringed(page)).toHaveAttribute("data-runtime", bar.runtime);
});

test("the last bar, in a folded category, opens its category when the keyboard reaches it", async ({ page }) => {
  await page.goto("/explore");
  const chart = page.getByRole("listbox", { name: /^Overhead against/ });
  const folded = page.locator("[data-chart] details:not([open])");
  const foldedAtFirst = await folded.count();
  await chart.focus();
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("Control+End");
  const last = await activeDescendant(page);
  await expect(page.locator(`[id="${last}"]`)).toHaveText((await chart.getByRole("option").last().textContent())!);
  await expect(ringed(page)).toBeVisible();
  await expect(ringed(page)).toBeInViewport();
  const category = ringed(page).locator("xpath=ancestor::details");
  await expect(category).toHaveAttribute("open", "");
  // The default view folds some categories, so this reached one of them.
  expect(foldedAtFirst).toBeGreaterThan(0);
  await expect(folded).toHaveCount(foldedAtFirst - 1);
});

test("the explore table's source links and file toggles are one Tab stop, walked with the arrows", async ({ page }) => {
  await page.goto("/explore");
  const table = page.getByRole("table", { name: "Overhead against the baseline" });
  const controls = table.locator("[data-source-control]");
  expect(await controls.count()).toBeGreaterThan(1);
  await expect(controls.first()).toHaveAttribute("tabindex", "0");
  const tabStops = await table.evaluate(
    (t) =>
      [...t.querySelectorAll<HTMLElement>("a[href], summary, button, [tabindex]")].filter(
        // A closed <details> hides its links from Tab, not its summary.
        (el) => el.tabIndex >= 0 && (el.tagName === "SUMMARY" || !el.closest("details:not([open])")),
      ).length,
  );
  expect(tabStops).toBe(1);

  await controls.first().focus();
  await page.keyboard.press("ArrowDown");
  await expect(controls.nth(1)).toBeFocused();
  await expect(controls.nth(1)).toHaveAttribute("tabindex", "0");
  await expect(controls.first()).toHaveAttribute("tabindex", "-1");
});
