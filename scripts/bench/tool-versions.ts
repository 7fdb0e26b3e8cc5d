import type { ToolId } from "@/lib/parsers/types";
import { runProcess } from "./process";

/** How each tool names its version; mbw prints none, so its Debian package version stands in. */
const VERSION_COMMANDS: Partial<Record<ToolId, string[]>> = {
  sysbench: ["sysbench", "--version"],
  fio: ["fio", "--version"],
  iperf3: ["iperf3", "--version"],
  wrk: ["wrk", "-v"],
  ab: ["ab", "-V"],
  "redis-benchmark": ["redis-benchmark", "--version"],
  hyperfine: ["hyperfine", "--version"],
  "stress-ng": ["stress-ng", "--version"],
  ps: ["ps", "--version"],
  mbw: ["dpkg-query", "-W", "-f", "mbw ${Version} (Debian package)", "mbw"],
};

/** Servers whose version matters to the web and database rows; kept in steps.json. */
const SERVER_VERSION_COMMANDS: Record<string, string[]> = {
  nginx: ["nginx", "-v"],
  "redis-server": ["redis-server", "--version"],
  mariadbd: ["mariadbd", "--version"],
};

/** The first line a version command prints (some print to stderr, `wrk -v` exits 1). */
async function firstLine(argv: string[]): Promise<string | undefined> {
  const r = await runProcess(argv, 10_000);
  const line = `${r.stdout}\n${r.stderr}`
    .split("\n")
    .map((l) => l.trim())
    .find((l) => l !== "");
  return line && !/not found|ENOENT|no packages found/i.test(line) ? line : undefined;
}

export async function toolVersions(): Promise<Partial<Record<ToolId, string>>> {
  const out: Partial<Record<ToolId, string>> = {};
  for (const [tool, argv] of Object.entries(VERSION_COMMANDS) as [ToolId, string[]][]) {
    const version = await firstLine(argv);
    if (version) out[tool] = version;
  }
  return out;
}

export async function serverVersions(): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const [server, argv] of Object.entries(SERVER_VERSION_COMMANDS)) {
    const version = await firstLine(argv);
    if (version) out[server] = version;
  }
  return out;
}
