import { z } from "zod";
import { ParseError } from "./types";

/** Validates manifest-supplied parser options, naming the offending field on failure. */
export function readOptions<T extends z.ZodType>(schema: T, options: unknown, parser: string): z.infer<T> {
  const parsed = schema.safeParse(options ?? {});
  if (!parsed.success)
    throw new ParseError(`invalid ${parser} options in the manifest:\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}
