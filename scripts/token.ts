import { Command } from "commander";
import { createUploadToken, listUploadTokens, revokeUploadToken } from "@/db/queries/upload-tokens";
import { openStore } from "@/db/store";
import { resolveTarget } from "@/db/target";

/** Upload tokens for `POST /api/imports` (decision 015): create, list, revoke. */
const program = new Command("token")
  .description("Manage the tokens that may upload results to POST /api/imports.")
  .option(
    "--db <file|url>",
    "SQLite file or postgres:// URL (default: $DATABASE_URL, else $HVSCOPE_DB or data/hvscope.db)",
  );

const connect = () => openStore(resolveTarget(program.opts<{ db?: string }>().db));

program
  .command("create <name>")
  .description("create a token and print it once (only its hash is stored)")
  .option("--dataset <pattern>", "allow uploads only to datasets matching this glob (* and ?)")
  .action(async (name: string, opts: { dataset?: string }) => {
    const conn = await connect();
    try {
      const token = await createUploadToken(conn.db, name, opts.dataset ?? null);
      console.error(`token "${name}" created; it is shown only now, store it safely:`);
      console.log(token);
    } finally {
      await conn.close();
    }
  });

program
  .command("list")
  .description("list tokens (names, dataset patterns, creation dates; never the tokens)")
  .action(async () => {
    const conn = await connect();
    try {
      const tokens = await listUploadTokens(conn.db);
      if (tokens.length === 0) console.log("no tokens: uploads are off (npm run token -- create NAME)");
      for (const t of tokens)
        console.log(`${t.name}\t${t.datasetPattern ?? "any dataset"}\tcreated ${t.createdAt.toISOString()}`);
    } finally {
      await conn.close();
    }
  });

program
  .command("revoke <name>")
  .description("delete a token: uploads with it are refused from now on")
  .action(async (name: string) => {
    const conn = await connect();
    try {
      if (!(await revokeUploadToken(conn.db, name))) {
        console.error(`error: no token named "${name}" (npm run token -- list)`);
        process.exitCode = 1;
        return;
      }
      console.log(`token "${name}" revoked`);
    } finally {
      await conn.close();
    }
  });

program.parseAsync().catch((e: unknown) => {
  console.error(`error: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
});
