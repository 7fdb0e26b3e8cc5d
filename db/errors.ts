/**
 * An error's message for people: drizzle wraps a driver's error as "Failed query: <SQL> params: …",
 * with the driver's own words (`relation "samples" does not exist`) in `cause`.
 */
export function describeError(e: unknown): string {
  if (!(e instanceof Error)) return String(e);
  if (e.message.startsWith("Failed query:") && e.cause instanceof Error) return e.cause.message;
  return e.message;
}
