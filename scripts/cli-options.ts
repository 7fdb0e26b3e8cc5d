import { parseArgs, type ParseArgsConfig } from "node:util";

type Options = NonNullable<ParseArgsConfig["options"]>;

/** Refuses a command line: says why and how to call the script, and exits 2 (a usage error, not a failure). */
export function refuse(script: string, usage: string, why: unknown): never {
  console.error(`${script}: ${why instanceof Error ? why.message : String(why)}\nusage: ${usage}`);
  process.exit(2);
}

/** A script's options: `--help` prints its usage; bad or unknown options are refused with it, not a stack trace. */
export function parseOptions<const O extends Options>(script: string, usage: string, options: O) {
  if (process.argv.includes("--help")) {
    console.log(`usage: ${usage}`);
    process.exit(0);
  }
  try {
    return parseArgs<{ options: O }>({ options }).values;
  } catch (e) {
    return refuse(script, usage, e);
  }
}
