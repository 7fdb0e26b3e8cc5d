import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundledFolders } from "@/db/ingest/bundled-data";

const ROOT = join(import.meta.dirname, "..");
const FIXTURES = join(ROOT, "lib", "parsers", "__fixtures__");
const TSX = join(ROOT, "node_modules", ".bin", "tsx");

function run(script: string, args: string[]) {
  const r = spawnSync(TSX, [join(ROOT, "scripts", script), ...args], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, CI: "1" },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("ingest and export CLIs", () => {
  let dir: string;
  let db: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "hvscope-cli-"));
    db = join(dir, "cli.db");
    mkdirSync(join(dir, "data", "runc"), { recursive: true });
    mkdirSync(join(dir, "data", "runsc"), { recursive: true });
    cpSync(join(FIXTURES, "fio", "randread-4k.json"), join(dir, "data", "runc", "fio.json"));
    cpSync(join(FIXTURES, "fio", "randrw.json"), join(dir, "data", "runsc", "fio.json"));
    cpSync(join(FIXTURES, "fio", "truncated.json"), join(dir, "broken.json"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("--json prints exactly one JSON object and exits 0 when nothing failed", () => {
    const r = run("ingest.ts", ["--db", db, "--json", "--host", "vm", join(dir, "data")]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual([
      "files",
      "imported",
      "skipped",
      "failed",
      "samples",
      "passedOver",
      "ignored",
      "manifests",
      "unknownRuntimes",
    ]);
    expect(out).toMatchObject({
      files: 2,
      imported: 2,
      skipped: 0,
      failed: [],
      passedOver: [],
      ignored: 0,
      manifests: 0,
      unknownRuntimes: [],
    });
    expect(out.samples).toBeGreaterThan(20);
  });

  it("reports the same bytes again as skipped", () => {
    const out = JSON.parse(run("ingest.ts", ["--db", db, "--json", join(dir, "data")]).stdout);
    expect(out).toMatchObject({ files: 2, imported: 0, skipped: 2, samples: 0 });
  });

  it("exits non-zero and names the file and the problem when a file fails", () => {
    const r = run("ingest.ts", ["--db", db, "--runtime", "runc", join(dir, "broken.json")]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: broken\.json: .*invalid JSON/m);
    expect(r.stdout).toMatch(/1 files: 0 imported, 0 skipped \(already stored\), 1 failed; 0 samples/);
  });

  it("exports tidy rows with the contract's columns, filtered by runtime", () => {
    // A runsc folder with no version: gVisor's platform is not recorded (lib/runtime-ids.ts).
    const r = run("export.ts", ["--db", db, "--runtime", "runsc"]);
    expect(r.code).toBe(0);
    const [header, ...rows] = r.stdout.trim().split("\n");
    expect(header).toBe(
      "dataset,host,runtime,workload,category,metric,unit,direction,repetition,value,tool,source_file,runtime_version,runtime_variant",
    );
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.every((row) => row.startsWith("data,vm,runsc,") && row.endsWith(",fio,runsc/fio.json,,"))).toBe(true);
    const json = JSON.parse(run("export.ts", ["--db", db, "--format", "json"]).stdout);
    expect(json.length).toBe(
      rows.length + JSON.parse(run("export.ts", ["--db", db, "--format", "json", "--runtime", "runc"]).stdout).length,
    );
  });

  it("re-imports its own export unchanged (values, units, directions)", () => {
    const csv = join(dir, "export.csv");
    const exported = run("export.ts", ["--db", db]).stdout;
    writeFileSync(csv, exported);
    const db2 = join(dir, "roundtrip.db");
    const r = run("ingest.ts", ["--db", db2, "--json", "--dataset", "data", "--host", "vm", csv]);
    expect(JSON.parse(r.stdout).failed).toEqual([]);
    const again = run("export.ts", ["--db", db2]).stdout.trim().split("\n").slice(1);
    // Everything but tool and source file survives: dataset..value, in the same order.
    const firstTen = (lines: string[]) => lines.map((l) => l.split(",").slice(0, 10).join(","));
    expect(firstTen(again)).toEqual(firstTen(exported.trim().split("\n").slice(1)));
  });
});

describe("ingest passes over files that are no benchmark output", () => {
  let dir: string;
  let data: string;
  const ingest = (...args: string[]) => run("ingest.ts", ["--db", join(dir, "skip.db"), "--runtime", "runc", ...args]);
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "hvscope-cli-skip-"));
    data = join(dir, "data");
    mkdirSync(data);
    cpSync(join(FIXTURES, "fio", "randread-4k.json"), join(data, "fio.json"));
    writeFileSync(join(data, "plot.pdf"), "%PDF-1.5\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj\n");
    writeFileSync(join(data, "logo.png"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]));
    writeFileSync(join(data, "mem-vm.txt"), "");
    writeFileSync(join(data, "notes.txt"), "\n  \n");
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("lists binaries and empty files under passedOver, fails none, exits 0", () => {
    const r = ingest("--json", "--dry-run", data);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ files: 5, imported: 1, failed: [] });
    expect(out.passedOver).toEqual([
      { file: "logo.png", reason: "not a benchmark output (PNG image)" },
      { file: "mem-vm.txt", reason: "empty file" },
      { file: "notes.txt", reason: "blank file" },
      { file: "plot.pdf", reason: "not a benchmark output (PDF document)" },
    ]);
  });

  it("warns about each empty file and counts the passed-over kinds in its summary line", () => {
    const r = ingest("--dry-run", data);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^warning: mem-vm\.txt: empty file, skipped \(--strict fails it\)$/m);
    expect(r.stdout).toMatch(
      /5 files: 1 imported, 0 skipped \(already stored\), 0 failed; \d+ samples, 4 not benchmark outputs \(2 binary, 2 empty\)/,
    );
  });

  it("names the runtime names it does not know, stored as written, in its JSON and on stderr", () => {
    const other = (...args: string[]) => run("ingest.ts", ["--db", join(dir, "unknown.db"), ...args]);
    const out = JSON.parse(other("--json", "--dry-run", "--runtime", "youki", data).stdout);
    expect(out).toMatchObject({ imported: 1, unknownRuntimes: ["youki"] });
    const r = other("--dry-run", "--runtime", "youki", data);
    expect(r.stderr).toMatch(/^warning: runtime names that hvscope does not know, stored as written: youki \(/m);
    // A known name by its underscores: no warning.
    expect(other("--dry-run", "--runtime", "runsc_kvm", data).stderr).not.toMatch(/does not know/);
  });

  it("--strict fails empty files, not binaries", () => {
    const out = JSON.parse(ingest("--json", "--dry-run", "--strict", data).stdout);
    expect(out.failed).toEqual([
      { file: "mem-vm.txt", error: "empty file" },
      { file: "notes.txt", error: "blank file" },
    ]);
    expect(out.passedOver.map((p: { file: string }) => p.file)).toEqual(["logo.png", "plot.pdf"]);
  });

  it("keeps an unrecognised file's error to the parser ids and a fix; --verbose gives the long form", () => {
    const summary = join(dir, "net-fc.txt");
    writeFileSync(summary, "# streams  Gbit/s\nfc 1  9.4 stream\n");
    const short = ingest(summary);
    expect(short.code).toBe(1);
    const line = short.stderr.split("\n").find((l) => l.startsWith("error: net-fc.txt: "))!;
    expect(line).toMatch(
      /not recognised by any parser \(tried fio, iperf3, .*table\); if it is not a measurement, add it to the manifest's ignore/,
    );
    expect(line.length).toBeLessThan(400);
    const long = ingest("--verbose", summary);
    expect(long.stderr).toMatch(/tried: fio \(.+\); iperf3 \(/);
    expect(long.stderr.length).toBeGreaterThan(line.length * 2);
  });
});

describe("ingest counts the files it reads as context", () => {
  let dir: string;
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("a harness folder: its manifest and the files the manifest ignores, beside the outputs", () => {
    dir = mkdtempSync(join(tmpdir(), "hvscope-cli-context-"));
    const run1 = join(dir, "run-1");
    for (const f of ["hvscope.yaml", "steps.json", "sys", "README.md", join("runc", "startup-rep1.json")])
      cpSync(join(ROOT, "data", "bundled", f), join(run1, f), { recursive: true });
    const hostFacts = readdirSync(join(run1, "sys")).length;
    const r = run("ingest.ts", ["--db", join(dir, "context.db"), "--json", "--dry-run", run1]);
    expect(r.code, r.stderr).toBe(0);
    // sys/ and steps.json by the manifest's ignore list, README.md as documentation.
    expect(JSON.parse(r.stdout)).toMatchObject({ files: 1, imported: 1, ignored: hostFacts + 2, manifests: 1 });
    const line = run("ingest.ts", ["--db", join(dir, "context.db"), "--dry-run", run1]).stdout;
    expect(line).toContain(`, ${hostFacts + 2} ignored by the manifest or documentation, 1 manifest read`);
  });
});

describe("setup", () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), "hvscope-cli-setup-"))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const setup = (args: string[], env: Record<string, string> = {}) =>
    spawnSync(TSX, [join(ROOT, "scripts", "setup.ts"), ...args], {
      cwd: ROOT,
      encoding: "utf8",
      env: { ...process.env, CI: "1", ...env },
    });

  it("--db puts the database there, not at $HVSCOPE_DB, and imports every bundled folder", () => {
    const chosen = join(dir, "chosen.db");
    const fromEnv = join(dir, "from-env.db");
    const r = setup(["--db", chosen], { HVSCOPE_DB: fromEnv });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^${chosen}: created; importing the bundled data$`, "m"));
    const imported = Number(r.stdout.match(/: \d+ folders, ([\d,]+) files imported/)![1]!.replaceAll(",", ""));
    expect(existsSync(fromEnv)).toBe(false);
    const db = new Database(chosen, { readonly: true });
    try {
      expect(db.prepare("select count(*) as n from source_files").get()).toEqual({ n: imported });
    } finally {
      db.close();
    }
    expect(bundledFolders().length).toBeGreaterThan(1);
    expect(r.stdout).toContain(`: ${bundledFolders().length} folders, `);
  });

  it("--help prints the usage and exits 0", () => {
    const r = setup(["--help"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^usage: npm run setup -- \[--db FILE\|postgres:\/\/…\]/);
  });

  it("an unknown option or an empty --db says so with the usage and exits 2, creating nothing", () => {
    const unknown = setup(["--bd", join(dir, "typo.db")], { HVSCOPE_DB: join(dir, "typo-env.db") });
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/^setup: Unknown option '--bd'.*\nusage: npm run setup/s);
    const empty = setup(["--db", ""], { HVSCOPE_DB: join(dir, "typo-env.db") });
    expect(empty.status).toBe(2);
    expect(empty.stderr).toMatch(/^setup: --db needs a file or a postgres:\/\/ URL.*\nusage: /s);
    expect(readdirSync(dir).filter((f) => f.startsWith("typo"))).toEqual([]);
  });
});
