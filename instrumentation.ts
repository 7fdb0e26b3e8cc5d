/** Runs once when the server starts: a bad environment fails here, not on the first request. */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { readEnv } = await import("@/lib/env");
    readEnv();
  }
}
