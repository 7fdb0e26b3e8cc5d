import { z } from "zod";

const emptyAsUndefined = (v: unknown) => (v === "" ? undefined : v);

const envSchema = z.object({
  /** SQLite file. Relative paths resolve against the working directory (the repo root for npm scripts). */
  HVSCOPE_DB: z.preprocess(emptyAsUndefined, z.string().default("data/hvscope.db")),
});

export type Env = z.infer<typeof envSchema>;

/** Validated environment; a bad value fails at startup with the variable's name. */
export function readEnv(source: Record<string, string | undefined> = process.env): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) throw new Error(`invalid environment:\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}
