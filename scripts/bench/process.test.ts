import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { captureOutput, describeExit, runProcess, startProcess } from "./process";
import { shellQuote } from "./shell-quote";

/** A zombie counts as gone: it has exited, and pid 1 on these VMs reaps late. */
const alive = (pid: number) =>
  existsSync(`/proc/${pid}`) && !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, "utf8"));

describe("process helpers", () => {
  it("writes stdout to a file that the child may reopen as /dev/stdout", async () => {
    const dir = mkdtempSync(join(tmpdir(), "hvscope-process-"));
    try {
      const file = join(dir, "out.txt");
      const r = await runProcess(["sh", "-c", "echo reopened > /dev/stdout; echo err >&2"], 5000, { stdoutFile: file });
      expect(r).toMatchObject({ code: 0, timedOut: false, stdout: "", stderr: "err\n" });
      expect(readFileSync(file, "utf8")).toBe("reopened\n");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("kills the whole process group on timeout, background children included", async () => {
    const r = await runProcess(["sh", "-c", "sleep 30 & echo $!; wait"], 300);
    expect(r.timedOut).toBe(true);
    expect(describeExit(r, 300)).toBe("timed out after 0 s");
    const child = Number(r.stdout.trim());
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(alive(child)).toBe(false);
  });

  it("reports a program that does not exist instead of throwing", async () => {
    const r = await runProcess(["hvscope-no-such-program"], 5000);
    expect(r.code).toBeNull();
    expect(r.stderr).toMatch(/ENOENT/);
    await expect(captureOutput(["hvscope-no-such-program"])).rejects.toThrow(
      /hvscope-no-such-program: exit code null: .*ENOENT/,
    );
  });

  it("stops a server with SIGTERM and keeps its stderr readable while it runs", async () => {
    const server = startProcess(["sh", "-c", "echo listening >&2; exec sleep 30"]);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(server.stderr()).toBe("listening\n");
    const r = await server.stop(1000);
    expect(r.signal).toBe("SIGTERM");
    expect(alive(server.pid)).toBe(false);
  });

  it("quotes arguments only when a shell would split or expand them", () => {
    expect(shellQuote(["fio", "--name=a-b", "/tmp/x.json"])).toBe("fio --name=a-b /tmp/x.json");
    expect(shellQuote(["sh", "-c", "echo $HOME; it's"])).toBe(`sh -c 'echo $HOME; it'\\''s'`);
    expect(shellQuote(["redis-server", "--save", ""])).toBe("redis-server --save ''");
  });
});
