import { readFileSync } from "node:fs";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import fc from "fast-check";
import { HOSTILE, HOSTILE_FILES } from "./hostile-labels";

// Hostile links and API calls: whatever a link holds, the answer is a 400 or a page with a notice,
// never a 500; labels that are HTML or script (e2e/build-db.ts imports such a dataset) are text.

/** Values no dataset, host, runtime, workload or metric has, nor any view, case or weights. */
const MALICIOUS = [
  "' OR 1=1 --",
  "runc'); DROP TABLE samples; --",
  "1 UNION SELECT sql FROM sqlite_master",
  "<script>window.__pwned=1</script>",
  '"><img src=x onerror="window.__pwned=1">',
  "javascript:window.__pwned=1",
  "\u202Egnp.exe",
  "r\u0301u\u0308n\u0303c",
  "🐳🦀 ﷽",
  "runc\u0000",
  "../../../../etc/passwd",
  // Long, but all ten parameters together stay under the 16 KB request-head limit.
  "x".repeat(1200),
];
/** Raw query values: percent-escapes that decode to nothing valid. */
const BAD_ESCAPES = ["%", "%ZZ", "%E0%A4%A", "%C0%AE%C0%AE", "%ED%A0%80", "%FF%FE", "%uD800", "%00"];
const PARAMS = ["dataset", "host", "runtime", "workload", "metric", "baseline", "view", "asof", "case", "weights"];
const PAGES = ["/", "/explore", "/guide"];
/**
 * Parameters a page does not read: the summaries (`/`, `/guide`) show every runtime and workload at
 * its headline metric, and `weights` counts only with `case=custom`. A value there changes nothing,
 * so the page owes no notice about it.
 */
const IGNORED: Record<string, readonly string[]> = {
  // Without a dataset, `/` and `/guide` are the synthesis across datasets: they read every host.
  "/": ["host", "runtime", "workload", "metric", "weights"],
  "/explore": ["weights"],
  "/guide": ["host", "runtime", "workload", "metric", "weights"],
};
const API = ["/api/overhead", "/api/explore-view", "/api/samples", "/api/export"];
/** Thousands of runtime values, short enough for Node's 16 KB limit on a request head. */
const MANY_RUNTIMES = Array.from({ length: 2500 }, (_, i) => `r${i}`).join(",");
const NOTICE = 'aria-label="Notices about this link"';

/** A page answer: a 400 (or 404 for a missing id), or a 200 that says what it could not show. */
async function expectFriendlyPage(request: APIRequestContext, url: string, notice = true) {
  const res = await request.get(url);
  const what = `${url.slice(0, 200)} → ${res.status()}`;
  expect([200, 400, 404], what).toContain(res.status());
  if (res.status() === 200 && notice) expect(await res.text(), what).toContain(NOTICE);
}

/** An API answer to a bad value: a 400 with a message (or, where allowed, the documented fallback). */
async function expectApiRejects(request: APIRequestContext, url: string, fallbackAllowed = false) {
  const res = await request.get(url);
  const what = `${url.slice(0, 200)} → ${res.status()}`;
  expect(fallbackAllowed ? [200, 400] : [400], what).toContain(res.status());
  if (res.status() === 400) expect((await res.json()).error, what).toBeTruthy();
}

// Each page render reads the database, which is slow with the public datasets (docs/performance.md),
// so the values go in all parameters at once per route, and each parameter alone gets one of them.
test("malicious values in the permalink parameters get a notice on pages and a 400 from the API", async ({
  request,
}) => {
  test.setTimeout(120_000);
  for (const value of MALICIOUS) {
    const q = PARAMS.map((p) => `${p}=${encodeURIComponent(value)}`).join("&");
    for (const page of PAGES) await expectFriendlyPage(request, `${page}?${q}`);
    for (const api of API) await expectApiRejects(request, `${api}?${q}`);
  }
  for (const [i, param] of PARAMS.entries()) {
    const q = `${param}=${encodeURIComponent(MALICIOUS[i % MALICIOUS.length]!)}`;
    for (const page of PAGES) await expectFriendlyPage(request, `${page}?${q}`, !IGNORED[page]!.includes(param));
    // `case` and `weights` belong to the guide: the API ignores them.
    // The export has no baseline of its own: an unknown one is ignored there, not an error.
    if (param !== "case" && param !== "weights")
      for (const api of API)
        await expectApiRejects(request, `${api}?${q}`, api === "/api/export" && param === "baseline");
  }
});

test("bad percent-encoding in queries and paths is a 400 or a notice, never a 500", async ({ request }) => {
  test.setTimeout(120_000);
  for (const [i, escape] of BAD_ESCAPES.entries()) {
    const param = PARAMS[i % PARAMS.length]!;
    for (const page of PAGES) await expectFriendlyPage(request, `${page}?${param}=${escape}`, false);
    for (const api of API)
      expect((await request.get(`${api}?${param}=${escape}`)).status(), `${api}?${param}=${escape}`).toBeLessThan(500);
    // Next.js itself answered a path it cannot decode with a bare 500; proxy.ts makes it a 400.
    for (const path of [
      `/runtimes/${escape}`,
      `/sources/${escape}`,
      `/api/sources/${escape}`,
      `/api/provenance/${escape}`,
    ]) {
      const res = await request.get(path);
      expect([400, 404], `${path} → ${res.status()}`).toContain(res.status());
    }
  }
});

test("thousands of runtimes and a 100 KB query string are answered without a 500", async ({ request }) => {
  await expectFriendlyPage(request, `/explore?runtime=${MANY_RUNTIMES}`);
  await expectFriendlyPage(request, `/?workload=${MANY_RUNTIMES}`, false); // `/` shows every workload
  await expectFriendlyPage(request, `/explore?workload=${MANY_RUNTIMES}`);
  await expectApiRejects(request, `/api/overhead?runtime=${MANY_RUNTIMES}`);
  // Past Node's 16 KB request-head limit the HTTP server itself answers 431, before any app code.
  const huge = "x".repeat(100 * 1024);
  for (const url of [`/explore?runtime=${huge}`, `/api/overhead?dataset=${huge}`]) {
    const res = await request.get(url);
    expect([400, 414, 431], `${url.length} chars → ${res.status()}`).toContain(res.status());
  }
});

test("random Unicode and random escapes in random parameters never get a 500", async ({ request }) => {
  test.setTimeout(120_000);
  const raw = fc.oneof(
    fc.string({ unit: "grapheme", maxLength: 40 }).map(encodeURIComponent),
    fc
      .array(fc.integer({ min: 0, max: 255 }), { maxLength: 12 })
      .map((bytes) => bytes.map((b) => `%${b.toString(16).padStart(2, "0")}`).join("")),
  );
  const call = fc.record({
    route: fc.constantFrom(...PAGES, ...API, "/api/imports"),
    param: fc.constantFrom(...PARAMS, "format", "zzz"),
    value: raw,
  });
  let tried = 0;
  await fc.assert(
    fc.asyncProperty(call, async ({ route, param, value }) => {
      tried++;
      const res = await request.get(`${route}?${param}=${value}`);
      expect(res.status(), `${route}?${param}=${value}`).toBeLessThan(500);
    }),
    { numRuns: 60, seed: 7 },
  );
  console.log(`hostile: ${tried} random calls, none answered 500`);
});

test("unknown runtimes and source ids are a 404 page, hostile ones included", async ({ request }) => {
  for (const id of [encodeURIComponent(HOSTILE.runtime), "'%20OR%201=1", "..%2F..%2Fetc%2Fpasswd", "%F0%9F%90%B3"]) {
    const res = await request.get(`/runtimes/${id}`);
    expect(res.status(), `/runtimes/${id}`).toBe(404);
    expect(await res.text()).not.toContain("<script>window.__pwned");
  }
});

/** Fails on any dialog (alert, confirm) and returns a check that no injected script ran. */
function watchForScripts(page: Page): () => Promise<void> {
  const dialogs: string[] = [];
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  return async () => {
    await page.waitForLoadState("networkidle");
    expect(dialogs, "dialogs opened").toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(await page.locator("img[src='x'], svg[onload], script:not([src]):has-text('__pwned')").count()).toBe(0);
  };
}

test("labels imported from a file with HTML and script in them are shown as text and never run", async ({
  page,
  request,
}) => {
  const check = watchForScripts(page);
  const dataset = encodeURIComponent(HOSTILE.dataset);
  await page.goto(`/explore?dataset=${dataset}`);
  const table = page.getByRole("table", { name: "Overhead against the baseline" });
  await expect(table).toContainText(HOSTILE.runtime);
  await expect(page.getByText(`${HOSTILE.dataset} on ${HOSTILE.host}`)).toBeVisible();
  await check();

  await page.goto(`/explore?dataset=${dataset}&view=absolute`);
  await expect(page.getByRole("heading", { name: "Measured values" })).toBeVisible();
  await check();

  for (const url of [`/?dataset=${dataset}`, `/guide?dataset=${dataset}`, "/runtimes"]) {
    await page.goto(url);
    await check();
  }

  // The stored file's provenance page and raw text: the labels again, and the bytes as imported.
  const samples = (await (await request.get(`/api/samples?dataset=${dataset}`)).json()).samples as {
    runtime: string;
    sourceFile: string;
    provenance: string;
  }[];
  const hostileSample = samples.find((s) => s.runtime === HOSTILE.runtime)!;
  await page.goto(hostileSample.provenance);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Provenance of");
  await check();
  const raw = await request.get(hostileSample.sourceFile);
  expect(raw.headers()["content-type"]).toBe("text/plain; charset=utf-8");
  expect(await raw.text()).toBe(readFileSync(HOSTILE_FILES.hostile, "utf8"));
});

test("a script payload in every parameter of a real page does not run", async ({ page }) => {
  const check = watchForScripts(page);
  const payload = encodeURIComponent(
    '"><img src=x onerror="window.__pwned=1;alert(1)"><script>window.__pwned=1</script>',
  );
  for (const path of PAGES) {
    await page.goto(`${path}?${PARAMS.map((p) => `${p}=${payload}`).join("&")}`);
    await expect(page.getByRole("status", { name: "Notices about this link" })).toBeVisible();
    await check();
  }
});
