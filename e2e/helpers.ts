import { expect, type Page } from "@playwright/test";

/** Fails the test on any console error (hydration mismatches, failed fetches...). */
export function failOnConsoleErrors(page: Page): void {
  page.on("console", (m) => {
    if (m.type() === "error") throw new Error(`console error: ${m.text()}`);
  });
}

/** The first raw file an explore view links to, for /sources/<id>: ids depend on import order, so it is looked up. */
export async function firstSourcePath(page: Page, explore = "/explore"): Promise<string> {
  await page.goto(explore);
  const href = await page.locator('a[href^="/sources/"]').first().getAttribute("href");
  expect(href).toMatch(/^\/sources\/\d+$/);
  return href!;
}

/** The overhead table's rows as arrays of cell texts. */
export async function overheadRows(page: Page): Promise<string[][]> {
  const table = page.getByRole("table", { name: "Overhead against the baseline" });
  await expect(table).toBeVisible();
  return table
    .locator("tbody tr")
    .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll("th, td")].map((c) => (c.textContent ?? "").trim())));
}
