import { describeAnswer, uploadPaths, type RemoteTarget } from "@/lib/upload/client";

/** The command line as recorded in the manifest and steps.json: a token given on it is not written down. */
export function redactToken(argv: readonly string[]): string[] {
  return argv.map((arg, i) => (argv[i - 1] === "--token" ? "***" : arg.startsWith("--token=") ? "--token=***" : arg));
}

/**
 * After the run: the output folder, manifest included, to the instance; prints what it imported
 * and the permalink. Returns the exit status the upload adds (1 when refused or a file failed).
 */
export async function uploadRun(target: RemoteTarget, outDir: string, log: (line: string) => void): Promise<number> {
  log(`uploading ${outDir} to ${target.endpoint.href}`);
  try {
    const answer = await uploadPaths(target, [outDir]);
    for (const line of describeAnswer(answer)) log(line);
    return answer.failed.length === 0 ? 0 : 1;
  } catch (e) {
    log(
      `upload failed: ${e instanceof Error ? e.message : String(e)}; the outputs stay in ${outDir} (npm run ingest -- --remote URL ${outDir} sends them again)`,
    );
    return 1;
  }
}
