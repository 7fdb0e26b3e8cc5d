/** Runs once when the server starts: a bad environment fails here, not on the first request. */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { readEnv } = await import("@/lib/env");
    readEnv();
    // Not awaited: the server answers at once while host summaries are read in the background.
    const [{ db }, { keepSummariesWarm }] = await Promise.all([
      import("@/db/index"),
      import("@/db/queries/warm-summaries"),
    ]);
    keepSummariesWarm(db);
  }
}
