import { expect, test } from "@playwright/test";

test("GET /api/overhead returns the published tmpfs figure with null intervals", async ({ request }) => {
  const res = await request.get("/api/overhead?dataset=gvisor-website&workload=tmpfs%20fio.randread");
  expect(res.status()).toBe(200);
  const body = await res.json();
  expect(body.baseline).toBe("runc");
  expect(body.rows).toEqual([
    expect.objectContaining({
      runtime: "runsc-ptrace",
      workload: "tmpfs fio.randread",
      metric: "bandwidth",
      unit: "bytes_per_s",
      direction: "higher",
      n: 1,
      baselineN: 1,
      mean: 68940800,
      baselineMean: 1221472256,
      ciLowPct: null,
      ciHighPct: null,
    }),
  ]);
  expect(body.rows[0].overheadPct).toBeCloseTo(1671.77, 1);
});

test("GET /api/overhead sends a cached view's bytes intact on every request, compressed or not", async ({
  request,
}) => {
  // The route hands its cached bytes to each response (app/api/overhead/route.ts): a consumer
  // that took them over would leave later responses empty or garbled.
  const url = "/api/overhead?dataset=gvisor-website";
  const bodies = [];
  for (const encoding of ["identity", "gzip", "identity", "gzip", "identity"]) {
    const res = await request.get(url, { headers: { "accept-encoding": encoding } });
    expect(res.status()).toBe(200);
    bodies.push(await res.text());
  }
  expect(JSON.parse(bodies[0]!).rows.length).toBeGreaterThan(1);
  expect(new Set(bodies).size).toBe(1);
});

test("GET /api/explore-view returns the view the page shows, resolved, with every repetition of the absolute view", async ({
  request,
}) => {
  const res = await request.get("/api/explore-view?dataset=gvisor-website&workload=tmpfs%20fio.randread&view=absolute");
  expect(res.status()).toBe(200);
  const { filters, body } = await res.json();
  expect(filters).toMatchObject({
    dataset: "gvisor-website",
    host: "gce-n1-standard-4",
    baseline: "runc",
    view: "absolute",
    workload: ["tmpfs fio.randread"],
  });
  expect(body.kind).toBe("absolute");
  expect(
    body.series
      .map((s: { runtime: string; values: { value: number }[] }) => [s.runtime, s.values.map((v) => v.value)])
      .sort(),
  ).toEqual([
    ["runc", [1221472256]],
    ["runsc-ptrace", [68940800]],
  ]);
});

test("bad parameters get a 400 with a message, never a 500", async ({ request }) => {
  for (const q of ["dataset=nope", "view=sideways", "asof=abc", "runtime=%00%ff", "metric=' OR 1=1 --"]) {
    for (const route of ["/api/overhead", "/api/explore-view"]) {
      const res = await request.get(`${route}?${q}`);
      expect(res.status(), `${route}?${q}`).toBe(400);
      expect((await res.json()).error, `${route}?${q}`).toBeTruthy();
    }
  }
  expect((await request.get("/api/sources/..%2F..%2Fetc%2Fpasswd")).status()).toBe(400);
  expect((await request.get("/api/export?format=xml")).status()).toBe(400);
});

test("samples, export and imports answer with the permalink parameters", async ({ request }) => {
  const q = "dataset=gvisor-website&workload=tmpfs%20fio.randread";
  const samples = (await (await request.get(`/api/samples?${q}`)).json()).samples;
  expect(samples.map((s: { runtime: string; value: number }) => [s.runtime, s.value]).sort()).toEqual([
    ["runc", 1221472256],
    ["runsc-ptrace", 68940800],
  ]);
  const csv = await (await request.get(`/api/export?${q}&format=csv`)).text();
  expect(csv.split("\n")[0]).toBe(
    "dataset,host,runtime,workload,category,metric,unit,direction,repetition,value,tool,source_file,runtime_version,runtime_variant",
  );
  expect(csv).toContain(
    "gvisor-website,gce-n1-standard-4,runsc-ptrace,tmpfs fio.randread,disk,bandwidth,bytes_per_s,higher,1,68940800,tidy-csv,fio-tmpfs.csv",
  );
  const imports = (await (await request.get("/api/imports")).json()).imports;
  expect(imports.length).toBeGreaterThan(0);
  expect(imports[0]).toEqual(
    expect.objectContaining({ id: expect.any(Number), files: expect.any(Number), samples: expect.any(Number) }),
  );
});
