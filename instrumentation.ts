/** Runs once when the server starts: a bad environment or database fails here, not on the first request. */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { readEnv } = await import("@/lib/env");
    readEnv();
    const [{ db, dbReady }, { keepSummariesWarm }] = await Promise.all([
      import("@/db/index"),
      import("@/db/queries/warm-summaries"),
    ]);
    // Next.js answers no request before this resolves: PostgreSQL is then migrated and watched.
    await dbReady();
    // Not awaited: the server answers at once while host summaries are read in the background.
    keepSummariesWarm(db);
  }
}
