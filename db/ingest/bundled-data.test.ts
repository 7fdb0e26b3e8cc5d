import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { PUBLIC_DATA } from "@/test/public-datasets";
import { createTestDb } from "@/test/test-db";
import { sqliteStore } from "../store";
import { bundledFolders, describeOutcome, importBundledData, type FolderOutcome } from "./bundled-data";

describe("bundledFolders", () => {
  it("lists the harness's own run first, then every public dataset, each with its manifest", () => {
    expect(bundledFolders().map((f) => [f.path, f.hasManifest])).toEqual([
      ["data/bundled", true],
      ["data/public/firecracker-nsdi2020", true],
      ["data/public/gvisor-website", true],
      ["data/public/idlab-containerd-runtimes", true],
      ["data/public/kuasar-vs-kata-clh", true],
    ]);
  });
});

describe("importBundledData", () => {
  // A repository of its own: one real public dataset, one with a file no parser reads, one without a manifest.
  const root = mkdtempSync(join(tmpdir(), "hvscope-bundled-"));
  cpSync(join(PUBLIC_DATA, "gvisor-website"), join(root, "data/public/gvisor-website"), { recursive: true });
  mkdirSync(join(root, "data/public/broken"), { recursive: true });
  writeFileSync(join(root, "data/public/broken/hvscope.yaml"), "dataset: broken\nhost: h\n");
  writeFileSync(join(root, "data/public/broken/notes.txt"), "not a benchmark output\n");
  mkdirSync(join(root, "data/public/unlabelled"), { recursive: true });
  writeFileSync(join(root, "data/public/unlabelled/x.csv"), "runtime,metric,value\nrunc,m,1\n");
  const conn = createTestDb();
  afterAll(() => {
    conn.cleanup();
    rmSync(root, { recursive: true, force: true });
  });
  const folders = bundledFolders(root);
  const byPath = (outcomes: FolderOutcome[]) => Object.fromEntries(outcomes.map((o) => [o.folder.path, o]));

  it("imports each folder, names every file that failed, and refuses a folder without a manifest", async () => {
    const heard: string[] = [];
    const outcomes = byPath(
      await importBundledData(sqliteStore(conn), folders, { onFolder: (o) => heard.push(o.folder.path) }),
    );
    expect(heard).toEqual(["data/public/broken", "data/public/gvisor-website", "data/public/unlabelled"]);
    expect(outcomes["data/public/gvisor-website"]).toMatchObject({ imported: 8, skipped: 0, samples: 67, failed: [] });
    expect(outcomes["data/public/broken"]!.failed).toEqual([
      { file: "data/public/broken/notes.txt", error: expect.stringContaining("not recognised") },
    ]);
    expect(outcomes["data/public/unlabelled"]).toMatchObject({
      imported: 0,
      failed: [{ file: "data/public/unlabelled", error: expect.stringContaining("no manifest") }],
    });
    expect(conn.client.prepare("SELECT name FROM datasets ORDER BY name").pluck().all()).toEqual(["gvisor-website"]);
  });

  it("imports nothing twice: a second run finds every file present", async () => {
    const outcome = byPath(await importBundledData(sqliteStore(conn), folders))["data/public/gvisor-website"]!;
    expect(outcome).toMatchObject({ imported: 0, skipped: 8, samples: 0, failed: [] });
    expect(describeOutcome(outcome)).toBe("already present (8 files)");
  });
});

describe("describeOutcome", () => {
  const folder = { path: "data/public/x", absPath: "/x", hasManifest: true };
  const outcome = (o: Partial<FolderOutcome>): FolderOutcome => ({
    folder,
    imported: 0,
    skipped: 0,
    samples: 0,
    failed: [],
    ...o,
  });

  it("says what was imported, what was there already and what failed", () => {
    expect(describeOutcome(outcome({ imported: 162, samples: 25_319 }))).toBe("imported 162 files (25,319 samples)");
    expect(describeOutcome(outcome({ imported: 1, samples: 1, skipped: 3 }))).toBe(
      "imported 1 file (1 sample), 3 files already present",
    );
    expect(describeOutcome(outcome({ skipped: 1, failed: [{ file: "f", error: "e" }] }))).toBe(
      "already present (1 file), 1 file failed",
    );
    expect(describeOutcome(outcome({}))).toBe("no data files");
  });
});
