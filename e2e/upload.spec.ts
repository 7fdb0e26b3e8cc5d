import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type FileChooser, type Page } from "@playwright/test";
import { E2E_UPLOAD_TOKEN_FILE } from "./db-path";
import { failOnConsoleErrors, overheadRows } from "./helpers";

/**
 * A real harness output folder (a part of data/bundled: its manifest, host dumps, steps.json, and
 * runc's and crun's CPU and start-up steps) uploaded through /upload's folder picker. The dataset
 * is named per run, so that a re-run against a reused server imports again instead of skipping.
 */
const DATASET = `e2e-upload-${Date.now().toString(36)}`;
const base = mkdtempSync(join(tmpdir(), "hvscope-e2e-upload-"));
const FOLDER = join(base, "quick-run");
for (const f of ["hvscope.yaml", "steps.json", "sys"])
  cpSync(join("data/bundled", f), join(FOLDER, f), { recursive: true });
for (const runtime of ["runc", "crun"])
  for (const rep of [1, 2, 3, 4, 5])
    for (const step of ["sysbench-cpu", "startup"]) {
      const file = `${runtime}/${step}-rep${rep}.${step === "startup" ? "json" : "txt"}`;
      cpSync(join("data/bundled", file), join(FOLDER, file));
    }
test.afterAll(() => rmSync(base, { recursive: true, force: true }));

/** What `npm run ingest -- --json` reports for the same folder and label into a fresh database. */
function cliSummary() {
  const out = execFileSync(
    "npx",
    ["tsx", "scripts/ingest.ts", "--db", join(base, "fresh.db"), "--json", "--dataset", DATASET, FOLDER],
    { encoding: "utf8" },
  );
  return JSON.parse(out) as {
    files: number;
    imported: number;
    skipped: number;
    samples: number;
    failed: unknown[];
    ignored: number;
    manifests: number;
  };
}

/**
 * Files set before React has hydrated the page are lost (no change handler yet), which happens on a
 * busy machine: set them again until the page lists them.
 */
async function choose(page: Page, input: "folder" | "files", path: string) {
  const selector = input === "folder" ? "input[webkitdirectory]" : "input[type=file]:not([webkitdirectory])";
  await expect(async () => {
    await page.locator(selector).setInputFiles(path);
    await expect(page.getByRole("list", { name: "Chosen files" })).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 30_000 });
}

const token = () => readFileSync(E2E_UPLOAD_TOKEN_FILE, "utf8").trim();
const summaryValue = (page: Page, term: string) =>
  page.locator("dl dt", { hasText: new RegExp(`^${term}`) }).locator("xpath=following-sibling::dd[1]");

test("a harness folder through the folder picker: the summary matches the CLI's import, and its link opens explore on the data", async ({
  page,
}) => {
  test.setTimeout(120_000);
  failOnConsoleErrors(page);
  const cli = cliSummary();
  expect(cli.imported).toBe(20);
  await page.goto("/upload");
  await choose(page, "folder", FOLDER);
  // Paths keep the folder's layout, manifest included.
  const chosen = page.getByRole("list", { name: "Chosen files" });
  await expect(chosen.getByText("quick-run/hvscope.yaml", { exact: true })).toBeVisible();
  await expect(chosen.getByText("quick-run/crun/startup-rep5.json", { exact: true })).toBeVisible();
  const status = await page
    .getByRole("status")
    .filter({ hasText: / files chosen/ })
    .textContent();
  const chosenCount = Number(status!.match(/^(\d+) files chosen/)![1]);
  await page.getByLabel("Dataset", { exact: true }).fill(DATASET);
  await page.getByLabel("Upload token").fill(token());
  await page.getByRole("button", { name: /^Upload \d+ files$/ }).click();
  await expect(page.getByRole("heading", { name: "What the upload did" })).toBeVisible({ timeout: 60_000 });
  // Every chosen file is accounted for: the outputs, and the manifest and the files it ignores (sys/, steps.json).
  expect(cli.manifests).toBe(1);
  expect(cli.files + cli.ignored + cli.manifests).toBe(chosenCount);
  await expect(summaryValue(page, "Files received")).toHaveText(String(chosenCount));
  await expect(summaryValue(page, "Read as benchmark outputs")).toHaveText(String(cli.files));
  await expect(summaryValue(page, "Read as context")).toHaveText(
    `${cli.ignored + 1} (1 manifest, ${cli.ignored} ignored by the manifest or documentation)`,
  );
  await expect(summaryValue(page, "Imported")).toHaveText(`${cli.imported} (${cli.samples} samples)`);
  await expect(summaryValue(page, "Skipped")).toHaveText("0");
  await expect(summaryValue(page, "Failed")).toHaveText(String(cli.failed.length));

  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);

  await page.getByRole("link", { name: "See the data in Explore" }).click();
  await expect(page).toHaveURL(new RegExp(`/explore\\?dataset=${DATASET}&asof=\\d+$`));
  const rows = await overheadRows(page);
  expect(rows.some((cells) => cells.some((c) => c.startsWith("crun")))).toBe(true);
});

test("keyboard only: the drop zone opens the file picker, the token is remembered only when asked, a refusal says what to do", async ({
  page,
}) => {
  await page.goto("/upload");
  const dropZone = page.getByRole("button", { name: /Drop files or a folder here/ });
  // Enter before hydration opens nothing: press again until the picker opens.
  let chooser: FileChooser | undefined;
  await expect(async () => {
    const opened = page.waitForEvent("filechooser", { timeout: 1000 });
    await dropZone.press("Enter");
    chooser = await opened;
  }).toPass({ timeout: 30_000 });
  await chooser!.setFiles(join(FOLDER, "runc", "startup-rep1.json"));
  await expect(page.getByRole("status").filter({ hasText: "1 file chosen" })).toBeVisible();

  const tokenField = page.getByLabel("Upload token");
  await tokenField.focus();
  await page.keyboard.type("hvs_not-a-token");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("checkbox", { name: /Remember the token/ })).toBeFocused();
  await page.keyboard.press("Space");
  await page.reload();
  await expect(page.getByLabel("Upload token")).toHaveValue("hvs_not-a-token");
  await page.getByRole("checkbox", { name: /Remember the token/ }).uncheck();
  await page.reload();
  await expect(page.getByLabel("Upload token")).toHaveValue("");

  await choose(page, "files", join(FOLDER, "runc", "startup-rep1.json"));
  await page.getByLabel("Upload token").fill("hvs_not-a-token");
  await page.getByRole("button", { name: "Upload 1 file" }).press("Enter");
  await expect(page.getByText(/^The token was not accepted: check it for typos/)).toBeVisible();
});

test("fits a 390 px screen without sideways scrolling", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/upload");
  await choose(page, "folder", FOLDER);
  await expect(page.getByRole("button", { name: /^Upload \d+ files$/ })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});
