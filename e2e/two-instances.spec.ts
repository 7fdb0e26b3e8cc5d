import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { startServer, type RunningServer } from "../scripts/perf/server-process";
import { E2E_ON_POSTGRES, E2E_UPLOAD_TOKEN_FILE, e2ePgUrl } from "./db-path";

const PORT = Number(process.env.HVSCOPE_E2E_PORT ?? 3123);
/** The second instance's port: the next one unless set (another checkout may use it). */
const SECOND_PORT = Number(process.env.HVSCOPE_E2E_SECOND_PORT ?? PORT + 1);
const SECOND = `http://127.0.0.1:${SECOND_PORT}`;

/** A real hyperfine output, under a dataset named per run so that a reused server imports it again. */
const DATASET = `two-instances-${Date.now().toString(36)}`;
const FIXTURE = "lib/parsers/__fixtures__/hyperfine/runs10.json";

test.describe("two app instances on one PostgreSQL database", () => {
  test.skip(!E2E_ON_POSTGRES, "runs with the app on PostgreSQL only (npm run test:e2e:pg)");
  let second: RunningServer | undefined;
  test.beforeAll(async () => {
    test.setTimeout(120_000);
    second = await startServer({
      name: "second instance",
      command: "npx",
      args: ["next", "start", "-p", String(SECOND_PORT), "-H", "127.0.0.1"],
      cwd: process.cwd(),
      env: { ...process.env, DATABASE_URL: e2ePgUrl() },
      readyUrl: `${SECOND}/api/imports`,
      timeoutMs: 90_000,
    });
  });
  test.afterAll(async () => second?.stop());

  test("an upload through one instance shows in the other's cached views within a second", async ({ request }) => {
    // The second instance has cached the dataset list without the dataset: the view is refused.
    const view = `${SECOND}/api/overhead?dataset=${DATASET}`;
    expect((await request.get(view)).status()).toBe(400);
    expect((await request.get(view)).status()).toBe(400);

    const upload = await request.post("/api/imports", {
      headers: { authorization: `Bearer ${readFileSync(E2E_UPLOAD_TOKEN_FILE, "utf8").trim()}` },
      multipart: {
        file: { name: "runs10.json", mimeType: "application/json", buffer: readFileSync(FIXTURE) },
        dataset: DATASET,
        runtime: "runc",
      },
    });
    expect(upload.status()).toBe(200);
    expect(await upload.json()).toMatchObject({ imported: 1 });
    const committed = performance.now();
    let status = 400;
    while (status !== 200 && performance.now() - committed < 5000) status = (await request.get(view)).status();
    const delay = performance.now() - committed;
    console.log(`two instances: the upload showed in the other instance's view after ${delay.toFixed(0)} ms`);
    expect(status).toBe(200);
    expect((await (await request.get(view)).json()).dataset).toBe(DATASET);
    expect(delay).toBeLessThan(1000);
  });
});
