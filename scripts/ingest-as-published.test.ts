import { spawnSync } from "node:child_process";
import { appendFileSync, cpSync, existsSync, mkdtempSync, readdirSync, rmSync, truncateSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDb } from "@/db/open";
import { listTidyRows } from "@/db/queries/tidy-rows";

const ROOT = join(import.meta.dirname, "..");
const TSX = join(ROOT, "node_modules", ".bin", "tsx");
const MANIFEST = join(ROOT, "data", "public", "firecracker-nsdi2020", "hvscope.yaml");
/** nsdi2020-data's data/ folder as the repository publishes it (/work/shared/datasets/README.md). */
const AS_PUBLISHED = join(ROOT, "..", "shared", "datasets", "firecracker-nsdi2020", "as-published");
const present = existsSync(join(AS_PUBLISHED, "m5d.metal"));
if (!present) console.warn(`skipped: ${AS_PUBLISHED} is absent (the Firecracker repository as published)`);

/** The repository's other hosts have this layout too, some of their guest meminfo dumps empty. */
const SECOND_HOST = "rn.second";
const EMPTIED = ["mem-chv-128-vm.txt", "mem-chv-256-vm.txt", "mem-fc-128-vm.txt"];

function ingest(args: string[]) {
  const r = spawnSync(TSX, [join(ROOT, "scripts", "ingest.ts"), "--manifest", MANIFEST, ...args], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, CI: "1" },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe.skipIf(!present)("the Firecracker manifest on the repository's data/ folder as published", () => {
  let dir: string;
  let data: string;
  let db: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "hvscope-as-published-"));
    data = join(dir, "data");
    db = join(dir, "as-published.db");
    // Plot scripts beside the host folders, as in the repository's data/.
    for (const entry of ["m5d.metal", "gnuplot", "update-plots.sh"])
      cpSync(join(AS_PUBLISHED, entry), join(data, entry), { recursive: true });
    cpSync(join(AS_PUBLISHED, "m5d.metal"), join(data, SECOND_HOST), { recursive: true });
    // Same bytes in the same dataset are one file stored once; another host's runs differ, here by a newline.
    const raw = join(data, SECOND_HOST, "raw");
    for (const file of readdirSync(raw)) appendFileSync(join(raw, file), "\n");
    for (const file of EMPTIED) truncateSync(join(raw, file), 0);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("m5d.metal alone, as the repository publishes it, imports with zero failures", () => {
    const r = ingest(["--db", join(dir, "one-host.db"), "--dry-run", join(data, "m5d.metal")]);
    console.log(`m5d.metal: ${r.stdout.trim()}`);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^162 files: 162 imported, 0 skipped \(already stored\), 0 failed; /);
  });

  it("two hosts import with zero failures and exit 0; the empty files pass over with a warning", () => {
    const dry = ingest(["--db", db, "--dry-run", data]);
    console.log(`data/ (m5d.metal, ${SECOND_HOST}): ${dry.stdout.trim()}`);
    expect(dry.code).toBe(0);
    expect(dry.stderr.trim().split("\n")).toEqual(
      EMPTIED.map((f) => `warning: ${SECOND_HOST}/raw/${f}: empty file, skipped (--strict fails it)`),
    );

    const r = ingest(["--db", db, "--json", data]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.failed).toEqual([]);
    expect(out.passedOver).toEqual(EMPTIED.map((f) => ({ file: `${SECOND_HOST}/raw/${f}`, reason: "empty file" })));
    expect(out).toMatchObject({ files: 2 * 162, imported: 2 * 162 - EMPTIED.length });
  });

  it("files each host's samples under its own folder's name, the same files under both", async () => {
    const conn = openDb(db, { readonly: true });
    try {
      const rows = await listTidyRows(conn.db);
      const filesOf = (host: string) =>
        [...new Set(rows.filter((r) => r.host === host).map((r) => r.source_file.replace(`${host}/`, "")))].sort();
      expect(new Set(rows.map((r) => r.host))).toEqual(new Set(["m5d.metal", SECOND_HOST]));
      const raw = readdirSync(join(data, "m5d.metal", "raw")).map((f) => `raw/${f}`);
      expect(filesOf("m5d.metal")).toEqual(raw.filter((f) => f !== "raw/net-chv-tx-10.json").sort());
      expect(filesOf(SECOND_HOST)).toEqual(filesOf("m5d.metal").filter((f) => !EMPTIED.includes(f.slice(4))));
    } finally {
      conn.close();
    }
  });

  it("reads each host's facts from the dumps in its own folder's sys/", () => {
    const conn = openDb(db, { readonly: true });
    try {
      const hosts = conn.client
        .prepare("SELECT name, kernel, cpu_count AS cpus, memory_bytes AS memory FROM hosts ORDER BY name")
        .all() as { name: string; kernel: string | null; cpus: number | null; memory: number | null }[];
      expect(hosts.map((h) => h.name)).toEqual(["m5d.metal", SECOND_HOST]);
      // The second host is a copy of the first, dumps included: the same facts, read from its own folder.
      expect(hosts[0]).toMatchObject({ kernel: expect.stringMatching(/^Linux /), cpus: expect.any(Number) });
      expect(hosts[1]).toEqual({ ...hosts[0], name: SECOND_HOST });
    } finally {
      conn.close();
    }
  });

  it("--strict fails the empty files (exit 1) and names each", () => {
    const r = ingest(["--db", join(dir, "strict.db"), "--dry-run", "--json", "--strict", data]);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).failed).toEqual(
      EMPTIED.map((f) => ({ file: `${SECOND_HOST}/raw/${f}`, error: "empty file" })),
    );
  });
});
