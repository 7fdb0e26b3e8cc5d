import { createHash } from "node:crypto";
import { expect, test } from "@playwright/test";
import { HOSTILE } from "./hostile-labels";

// Security headers (next.config.js, proxy.ts, lib/http/csp.ts), the site working under its
// Content-Security-Policy, and raw files served by numeric id only.

const directives = (csp: string) =>
  new Map(
    csp
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .map(([name, ...values]) => [name!, values]),
  );

test("pages send a nonce CSP and the other security headers; the API a deny-all CSP", async ({ request }) => {
  const first = await request.get("/explore");
  const h = first.headers();
  expect(h["x-content-type-options"]).toBe("nosniff");
  expect(h["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(h["x-frame-options"]).toBe("DENY");
  expect(h["x-powered-by"]).toBeUndefined();
  const csp = directives(h["content-security-policy"] ?? "");
  expect(csp.get("default-src")).toEqual(["'self'"]);
  expect(csp.get("object-src")).toEqual(["'none'"]);
  expect(csp.get("base-uri")).toEqual(["'self'"]);
  expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
  expect(csp.get("form-action")).toEqual(["'self'"]);
  const scripts = csp.get("script-src") ?? [];
  expect(scripts).toEqual(["'self'", expect.stringMatching(/^'nonce-[A-Za-z0-9+/]{22}=='$/), "'strict-dynamic'"]);
  expect(scripts).not.toContain("'unsafe-inline'");

  // Every script Next.js renders carries this response's nonce, and the next response has another.
  const nonce = scripts[1]!.slice("'nonce-".length, -1);
  const tags = (await first.text()).match(/<script\b[^>]*>/g) ?? [];
  expect(tags.length).toBeGreaterThan(0);
  for (const tag of tags) expect(tag).toContain(`nonce="${nonce}"`);
  const again = directives((await request.get("/explore")).headers()["content-security-policy"] ?? "");
  expect(again.get("script-src")?.[1]).not.toBe(scripts[1]);

  const api = (await request.get("/api/imports")).headers();
  expect(api["content-security-policy"]).toBe(
    "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
  );
  expect(api["x-content-type-options"]).toBe("nosniff");
});

test("every page hydrates under the CSP with no violation", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to (execute|load|apply)/i.test(m.text())) violations.push(m.text());
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) =>
      console.error(`Refused to load (CSP ${e.violatedDirective}): ${e.blockedURI}`),
    );
  });
  for (const path of [
    "/",
    "/explore",
    "/explore?view=absolute",
    "/runtimes",
    "/runtimes/runc",
    "/guide",
    "/no-such-page",
  ]) {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
  }
  expect(violations).toEqual([]);

  // Scripts run: a client-side filter change, on the dataset every e2e database has.
  await page.goto(`/explore?dataset=${encodeURIComponent(HOSTILE.dataset)}`);
  await page.getByRole("radio", { name: "absolute" }).check();
  await expect(page).toHaveURL(/view=absolute/);
  await expect(page.getByRole("heading", { name: "Measured values" })).toBeVisible();
  expect(violations).toEqual([]);
});

test("raw files are served by numeric id only: traversal attempts get a 400 or 404", async ({ request }) => {
  const samples = (await (await request.get(`/api/samples?dataset=${encodeURIComponent(HOSTILE.dataset)}`)).json())
    .samples as { sourceFile: string }[];
  const id = samples[0]!.sourceFile.split("/").pop()!;
  // A stored id answers with the stored bytes, which the provenance's SHA-256 vouches for.
  const raw = await request.get(`/api/sources/${id}`);
  expect(raw.status()).toBe(200);
  const provenance = await (await request.get(`/api/provenance/${id}`)).json();
  expect(
    createHash("sha256")
      .update(await raw.body())
      .digest("hex"),
  ).toBe(provenance.sha256);
  expect((await request.get(`/sources/${id}`)).status()).toBe(200);

  const attempts = [
    "..%2F..%2F..%2Fetc%2Fpasswd",
    "%2e%2e%2f%2e%2e%2fetc%2fpasswd",
    "%252e%252e%252fetc%252fpasswd",
    `${id}%2F..%2F..%2Fetc%2Fpasswd`,
    "..%5C..%5Cwindows%5Cwin.ini",
    "%2Fetc%2Fpasswd",
    "file%3A%2F%2F%2Fetc%2Fpasswd",
    `${id}%00.txt`,
    `${id};cat%20%2Fetc%2Fpasswd`,
    `${id}%20OR%201%3D1`,
    "-1",
    "0x1",
    "1e3",
    `${id}.0`,
    "%2B1",
    "99999999999999999999",
    "999999999999",
  ];
  for (const attempt of attempts)
    for (const route of ["/api/sources/", "/api/provenance/", "/sources/"]) {
      const res = await request.get(`${route}${attempt}`);
      expect([400, 404], `${route}${attempt} → ${res.status()}`).toContain(res.status());
      expect(await res.text()).not.toMatch(/root:.*:0:0:/);
    }
});
