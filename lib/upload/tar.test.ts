import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { readTar, writeTar } from "./tar";
import { tarEntry } from "@/test/tar-entries";

const read = (...entries: Buffer[]) => readTar(Buffer.concat([...entries, Buffer.alloc(1024)]), 100, 1 << 20);

describe("readTar", () => {
  it("reads the files of a GNU tar made by /usr/bin/tar", () => {
    const tar = gunzipSync(execFileSync("tar", ["czf", "-", "-C", "lib/parsers/__fixtures__", "hyperfine"]));
    const files = readTar(tar, 100, 1 << 20);
    expect(files.map((f) => f.path)).toContain("hyperfine/runs10.json");
    const runs10 = files.find((f) => f.path === "hyperfine/runs10.json")!;
    expect(runs10.data.toString()).toBe(
      execFileSync("cat", ["lib/parsers/__fixtures__/hyperfine/runs10.json"]).toString(),
    );
  });

  it("refuses paths that leave the archive's folder", () => {
    expect(() => read(tarEntry("a/../../etc/passwd", "x"))).toThrow(/"\.\."/);
    expect(() => read(tarEntry("/etc/cron.d/evil", "x"))).toThrow(/absolute path/);
  });

  it("refuses links and devices, which could point outside or at the system", () => {
    expect(() => read(tarEntry("link", "", "2", "/etc/passwd"))).toThrow(/symbolic link/);
    expect(() => read(tarEntry("hard", "", "1", "/etc/passwd"))).toThrow(/hard link/);
    expect(() => read(tarEntry("dev", "", "3"))).toThrow(/character device/);
  });

  it("stops at the file count and size limits", () => {
    expect(() => readTar(Buffer.concat([tarEntry("a", "1"), tarEntry("b", "2"), Buffer.alloc(1024)]), 1, 10)).toThrow(
      /more than 1 files/,
    );
    expect(() => readTar(Buffer.concat([tarEntry("a", "12345"), Buffer.alloc(1024)]), 10, 4)).toThrow(
      /limit of 4 bytes/,
    );
  });

  it("names a corrupt header instead of reading garbage", () => {
    const bad = tarEntry("a", "1");
    bad[0] = 0x7a;
    expect(() => read(bad)).toThrow(/bad header checksum/);
  });

  it("writes archives that it and GNU tar read back byte for byte, long paths included", () => {
    const long = `${"deep-folder/".repeat(12)}fio-randread-4k-rep1.json`;
    const files = [
      { path: "run/runc/runs10.json", data: readFileSync("lib/parsers/__fixtures__/hyperfine/runs10.json") },
      { path: long, data: Buffer.from("ünïcode and a size that is no multiple of 512\n") },
      { path: "run/empty.txt", data: Buffer.alloc(0) },
    ];
    expect(Buffer.byteLength(long)).toBeGreaterThan(100);
    const tar = writeTar(files);
    expect(readTar(tar, 10, 1 << 20)).toEqual(files);
    const dir = mkdtempSync(join(tmpdir(), "hvscope-tar-test-"));
    try {
      execFileSync("tar", ["xf", "-", "-C", dir], { input: tar });
      for (const f of files) expect(readFileSync(join(dir, f.path))).toEqual(f.data);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
