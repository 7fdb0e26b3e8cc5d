/**
 * What a user of /explore waits for, in Chromium: Largest Contentful Paint of a first visit
 * (fresh browser context each time, so no cached chunks), and the time from a filter change
 * to the updated table. Times come from performance.now() inside the page.
 */
import { chromium, type Browser, type Page } from "@playwright/test";
import { CHROMIUM_LAUNCH } from "@/e2e/chromium";

export interface BrowserResult {
  lcpMs: number[];
  ttfbMs: number[];
  lcpElement: string;
  /** The HTML document (with its inline RSC payload): compressed and uncompressed bytes. */
  docEncodedBytes: number;
  docDecodedBytes: number;
  /** Compressed bytes of the JS the first visit downloaded (Resource Timing), and uncompressed. */
  jsEncodedBytes: number;
  jsDecodedBytes: number;
  /** Null: no change within the timeout. */
  runtimeToggleMs: (number | null)[];
  viewSwitchMs: (number | null)[];
}

// tsx (esbuild, keepNames) wraps functions inside the page callbacks in `__name(...)`, a helper
// that exists only in Node; give the page a no-op one.
const NAME_SHIM = "globalThis.__name = (fn) => fn;";

async function newContext(browser: Browser) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript({ content: NAME_SHIM });
  return context;
}

async function firstVisit(page: Page, url: string) {
  await page.goto(url, { waitUntil: "networkidle", timeout: 120_000 });
  return page.evaluate(
    () =>
      new Promise<{
        lcp: number;
        element: string;
        ttfb: number;
        docEncoded: number;
        docDecoded: number;
        jsEncoded: number;
        jsDecoded: number;
      }>((resolve, reject) => {
        const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
        const js = (performance.getEntriesByType("resource") as PerformanceResourceTiming[]).filter(
          (r) => r.initiatorType === "script" || /\.js(\?|$)/.test(r.name),
        );
        const base = {
          ttfb: nav.responseStart,
          docEncoded: nav.encodedBodySize,
          docDecoded: nav.decodedBodySize,
          jsEncoded: js.reduce((n, r) => n + r.encodedBodySize, 0),
          jsDecoded: js.reduce((n, r) => n + r.decodedBodySize, 0),
        };
        new PerformanceObserver((list) => {
          const last = list.getEntries().at(-1) as (PerformanceEntry & { element?: Element | null }) | undefined;
          if (!last) return;
          const el = last.element;
          resolve({
            ...base,
            lcp: last.startTime,
            element: el
              ? `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""} "${(el.textContent ?? "").trim().slice(0, 40)}"`
              : "?",
          });
        }).observe({ type: "largest-contentful-paint", buffered: true });
        setTimeout(() => reject(new Error("no largest-contentful-paint entry")), 5000);
      }),
  );
}

type PerfWindow = { __perfChange?: Promise<number | null> };

/**
 * Clicks a filter control like a user (a trusted click from Playwright) and resolves with the
 * time from that click event to the first frame after any table on the page changed.
 */
async function changeFilter(page: Page, kind: "runtime" | "view", timeoutMs: number): Promise<number | null> {
  await page.evaluate((timeoutMs) => {
    const signature = () => [...document.querySelectorAll("table")].map((t) => t.textContent).join("|");
    const before = signature();
    (window as unknown as PerfWindow).__perfChange = new Promise<number | null>((resolve) => {
      let clickedAt: number | null = null;
      // The click event's timeStamp is on the performance.now() clock.
      document.addEventListener("click", (e) => (clickedAt ??= e.timeStamp), { capture: true, once: true });
      const observer = new MutationObserver(() => {
        if (clickedAt === null || signature() === before) return;
        const t0 = clickedAt;
        observer.disconnect();
        clearTimeout(timer);
        requestAnimationFrame(() => resolve(performance.now() - t0));
      });
      observer.observe(document.body, { subtree: true, childList: true, characterData: true });
      const timer = setTimeout(() => {
        observer.disconnect();
        resolve(null);
      }, timeoutMs);
    });
  }, timeoutMs);
  // Runtime: the last checkbox (toggled on, then off again); view: whichever radio is not checked.
  const control =
    kind === "runtime"
      ? page
          .locator("fieldset", { has: page.locator("legend", { hasText: "Runtimes" }) })
          .locator("input[type=checkbox]")
          .last()
      : page.locator('input[type=radio][name="view"]:not(:checked)');
  await control.click();
  return page.evaluate(() => (window as unknown as PerfWindow).__perfChange ?? null);
}

/**
 * Tracks the page's requests; `quiet()` resolves once none has been in flight for `quietMs`. A
 * change's server render and the prefetch that follows it then finish before the next click, which
 * `waitForLoadState("networkidle")` does not wait for after the first load.
 */
function trackRequests(page: Page, quietMs = 500) {
  let inFlight = 0;
  let lastActivity = performance.now();
  const start = () => {
    inFlight++;
    lastActivity = performance.now();
  };
  const end = () => {
    inFlight--;
    lastActivity = performance.now();
  };
  page.on("request", start);
  page.on("requestfinished", end);
  page.on("requestfailed", end);
  return {
    quiet: async (timeoutMs = 30_000) => {
      const deadline = performance.now() + timeoutMs;
      while (inFlight > 0 || performance.now() - lastActivity < quietMs) {
        if (performance.now() > deadline) throw new Error(`requests still in flight after ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
  };
}

export async function measureExplore(
  url: string,
  { loads, rounds, timeoutMs }: { loads: number; rounds: number; timeoutMs: number },
): Promise<BrowserResult> {
  const browser = await chromium.launch(CHROMIUM_LAUNCH);
  try {
    const out: BrowserResult = {
      lcpMs: [],
      ttfbMs: [],
      lcpElement: "",
      docEncodedBytes: 0,
      docDecodedBytes: 0,
      jsEncodedBytes: 0,
      jsDecodedBytes: 0,
      runtimeToggleMs: [],
      viewSwitchMs: [],
    };
    // One unmeasured visit first: the server's first render of a route pays one-off costs.
    for (let i = 0; i <= loads; i++) {
      const context = await newContext(browser);
      const visit = await firstVisit(await context.newPage(), url);
      await context.close();
      if (i === 0) continue;
      out.lcpMs.push(visit.lcp);
      out.ttfbMs.push(visit.ttfb);
      out.lcpElement = visit.element;
      out.docEncodedBytes = visit.docEncoded;
      out.docDecodedBytes = visit.docDecoded;
      out.jsEncodedBytes = visit.jsEncoded;
      out.jsDecodedBytes = visit.jsDecoded;
    }
    const context = await newContext(browser);
    const page = await context.newPage();
    const requests = trackRequests(page);
    await page.goto(url, { waitUntil: "networkidle", timeout: 120_000 });
    // Hydrated when React has attached its fiber to the controls.
    await page.waitForFunction(() => {
      const box = document.querySelector("fieldset input");
      return box !== null && Object.keys(box).some((k) => k.startsWith("__react"));
    });
    for (let r = 0; r < rounds; r++)
      for (const kind of ["runtime", "runtime", "view", "view"] as const) {
        await requests.quiet();
        (kind === "runtime" ? out.runtimeToggleMs : out.viewSwitchMs).push(await changeFilter(page, kind, timeoutMs));
      }
    await context.close();
    return out;
  } finally {
    await browser.close();
  }
}
