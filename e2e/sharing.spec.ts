import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { failOnConsoleErrors, firstSourcePath, overheadRows } from "./helpers";

// Links that travel (issue 23): previews with a picture, short links, embeds.

async function latestImport(request: APIRequestContext): Promise<number> {
  const { imports } = (await (await request.get("/api/imports")).json()) as { imports: { id: number }[] };
  return imports[0]!.id;
}

const view = (asof: number) => `dataset=gvisor-website&host=gce-n1-standard-4&baseline=runc&asof=${asof}`;

/** Width and height from a PNG's IHDR chunk (bytes 16 to 24), after checking the signature. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

test("a permalink's HTML has a title, description and preview image of its view", async ({ page, request }) => {
  const asof = await latestImport(request);
  await page.goto(`/explore?${view(asof)}`);
  const meta = (property: string) => page.locator(`meta[property="${property}"]`).getAttribute("content");
  expect(await meta("og:title")).toMatch(/^gVisor \((ptrace|KVM)\) against runc: .+ · hvscope$/);
  expect(await page.title()).toBe(await meta("og:title"));
  expect(await meta("og:description")).toContain(`Data: gvisor-website on gce-n1-standard-4, as of import #${asof}.`);
  const image = new URL((await meta("og:image"))!);
  expect(image.pathname).toBe("/og/explore");
  expect(image.searchParams.get("asof")).toBe(String(asof));
  expect(await page.locator('meta[name="twitter:card"]').getAttribute("content")).toBe("summary_large_image");
});

test("a guide link previews as its use case and requirements", async ({ page }) => {
  await page.goto("/guide?case=serverless&require=gpu");
  const title = await page.locator('meta[property="og:title"]').getAttribute("content");
  expect(title).toBe("Which runtime for Serverless / FaaS? Requires: GPU and accelerators · hvscope");
  expect(await page.title()).toBe(title);
  expect(await page.locator('meta[name="description"]').getAttribute("content")).toContain(
    "Runtimes ranked by weighted overhead on the synthesis across datasets",
  );
});

test("a provenance link previews as its raw file, tool, dataset and host", async ({ page }) => {
  await page.goto(await firstSourcePath(page, "/explore?dataset=gvisor-website&workload=tmpfs%20fio.randread"));
  const heading = (await page.getByRole("heading", { level: 1 }).textContent())!.replace(/^Provenance of /, "");
  const title = await page.title();
  expect(title.startsWith(`${heading} (`), title).toBe(true);
  expect(title.endsWith(") · hvscope"), title).toBe(true);
  expect(await page.locator('meta[name="description"]').getAttribute("content")).toMatch(
    /^Raw .+ output imported into gvisor-website on gce-n1-standard-4, with its command, host and SHA-256\.$/,
  );
});

test("the preview image is a 1200×630 PNG with a drawing in it, immutable when pinned", async ({ page, request }) => {
  const asof = await latestImport(request);
  const pinned = await request.get(`/og/explore?${view(asof)}`);
  expect(pinned.status()).toBe(200);
  expect(pinned.headers()["content-type"]).toBe("image/png");
  expect(pinned.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
  const bytes = await pinned.body();
  expect(pngSize(bytes)).toEqual({ width: 1200, height: 630 });

  // Decoded by the browser: title text, bars in two colours and the axis make many colours.
  const colours = await page.evaluate(async (base64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${base64}`;
    await img.decode();
    const canvas = Object.assign(document.createElement("canvas"), { width: img.width, height: img.height });
    const ctx = canvas.getContext("2d")!;
    ctx.drawImage(img, 0, 0);
    const data = ctx.getImageData(0, 0, img.width, img.height).data;
    const seen = new Set<number>();
    let red = 0;
    for (let i = 0; i < data.length; i += 4) {
      seen.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
      if (data[i] === 0xdc && data[i + 1] === 0x26 && data[i + 2] === 0x26) red++;
    }
    return { distinct: seen.size, red };
  }, bytes.toString("base64"));
  expect(colours.distinct).toBeGreaterThan(20);
  expect(colours.red).toBeGreaterThan(1000); // at least one worse-than-runc bar

  const latest = await request.get("/og/explore?dataset=gvisor-website");
  expect(latest.headers()["cache-control"]).toBe("public, max-age=300");
});

test("an embed renders inside an iframe on another page; other pages refuse framing", async ({
  page,
  request,
  baseURL,
}) => {
  const asof = await latestImport(request);
  const embed = await request.get(`/embed/explore?${view(asof)}`);
  expect(embed.headers()["content-security-policy"]).toContain("frame-ancestors *");
  expect(embed.headers()["x-frame-options"]).toBeUndefined();
  for (const path of ["/", "/explore", "/s/AAAAAAAAAA", "/og/explore"]) {
    const h = (await request.get(path)).headers();
    expect(h["x-frame-options"], path).toBe("DENY");
    expect(h["content-security-policy"], path).toContain("frame-ancestors 'none'");
  }

  // A tiny page on another site (served by the test itself) that frames an embed and a full page.
  const slide =
    `<!doctype html><h1>A slide</h1><iframe title="embed" src="${baseURL}/embed/explore?${view(asof)}" width="700" height="420"></iframe>` +
    `<iframe title="page" src="${baseURL}/explore?${view(asof)}" width="700" height="200"></iframe>`;
  // Served for real, on another port: Chromium blocks a page the test fulfils itself (no address,
  // so "public") from loading 127.0.0.1, and `frame-ancestors *` does not match about:blank.
  const server = createServer((_, res) => res.writeHead(200, { "content-type": "text/html" }).end(slide));
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  server.unref(); // never keeps the test process alive, even when an assertion below fails
  await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
  const frame = page.frameLocator('iframe[title="embed"]');
  await expect(frame.getByRole("heading", { level: 1 })).toHaveText(/against runc/);
  await expect(frame.getByRole("img", { name: /Overhead against runc/ })).toBeVisible();
  const back = frame.getByRole("link", { name: "Open the full view in hvscope" });
  expect(new URL((await back.getAttribute("href"))!).pathname).toBe("/explore");
  // The full page in a frame: the browser refuses it, so it never shows its navigation.
  const refused = await (await page.locator('iframe[title="page"]').elementHandle())!.contentFrame();
  await expect.poll(() => refused!.url()).toMatch(/^chrome-error:/);
  await expect(page.frameLocator('iframe[title="page"]').getByRole("navigation", { name: "Main" })).toHaveCount(0);
  server.close();
});

test("Short link gives the same /s/ID twice, which opens the same table as the long form", async ({
  page,
  request,
}) => {
  failOnConsoleErrors(page);
  const asof = await latestImport(request);
  await page.goto(`/explore?${view(asof)}&workload=redis GET,redis SET`);
  const longRows = await overheadRows(page);
  expect(longRows.length).toBeGreaterThan(0);

  await page.getByRole("button", { name: "Short link" }).click();
  const short = await page.getByRole("textbox", { name: "Short link" }).inputValue();
  expect(short).toMatch(/\/s\/[A-Za-z0-9_-]{10}$/);
  await page.getByRole("button", { name: "Copy link" }).click();
  await page.getByRole("button", { name: "Short link" }).click();
  await expect(page.getByRole("textbox", { name: "Short link" })).toHaveValue(short);

  await page.getByRole("button", { name: "Embed" }).click();
  const snippet = await page.getByRole("textbox", { name: "Embed" }).inputValue();
  expect(snippet).toMatch(new RegExp(`^<iframe src="http://[^"]+/embed/explore\\?[^"]*asof=${asof}`));

  await page.goto(short);
  expect(new URL(page.url()).pathname).toBe("/explore");
  expect(new URL(page.url()).searchParams.get("asof")).toBe(String(asof));
  expect(await overheadRows(page)).toEqual(longRows);
});

test("an unknown short id and a short link without asof get friendly answers", async ({ page, request }) => {
  const response = await page.goto("/s/AAAAAAAAAA");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
  const unpinned = await request.post("/api/short-links", { data: { path: "/explore?dataset=gvisor-website" } });
  expect(unpinned.status()).toBe(400);
  expect((await unpinned.json()).error).toContain('pin "asof"');
});

test("Cite gives BibTeX and plain text: the pinned permalink, the dataset's commit and licence, its paper", async ({
  page,
  request,
}) => {
  failOnConsoleErrors(page);
  const asof = await latestImport(request);
  await page.goto(`/explore?dataset=firecracker-nsdi2020&asof=${asof}`);
  await page.getByRole("button", { name: "Cite" }).click();
  const bibtex = await page.getByRole("textbox", { name: "BibTeX" }).inputValue();
  expect(bibtex).toMatch(/^@misc\{hvscope-\d{8},\n  title = \{hvscope: .+ against .+\},/);
  expect(bibtex).toMatch(
    new RegExp(`url = \\{http://[^}]+/explore\\?dataset=firecracker-nsdi2020&[^}]*asof=${asof}\\}`),
  );
  expect(bibtex).toContain("version = {commit cf1b30f674523ee44363f74e16bcb301ffb10598}");
  expect(bibtex).toContain("title = {Firecracker: Lightweight Virtualization for Serverless Applications}");
  const text = await page.getByRole("textbox", { name: "Plain text" }).inputValue();
  expect(text).toContain("Source: https://github.com/firecracker-microvm/nsdi2020-data at commit cf1b30f6");
  expect(text).toContain("Licence: Apache License 2.0.");
  expect(text).toMatch(/Imported into hvscope \d{4}-\d\d-\d\d\./);
});
