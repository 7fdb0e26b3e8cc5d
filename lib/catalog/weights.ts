/**
 * Use-case weights and their URL form (`cpu:1,disk:2`). Free of zod and of the catalog, so the
 * guide's weights editor (a client component) can import it without pulling either into the
 * browser; the zod schemas for weights live with the catalog (use-cases.ts).
 */
import { CATEGORIES, isCategory, type Category } from "@/lib/categories";

/** Relative importance of each category; omitted categories count as 0. */
export type Weights = Partial<Record<Category, number>>;

/** Why a weights string was rejected; the message names the offending part. */
export class WeightsParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WeightsParseError";
  }
}

const MAX_WEIGHTS_LENGTH = 500;
const NUMBER = /^(?:\d+(?:\.\d*)?|\.\d+)$/;

/**
 * Parses custom weights as written in a URL: `cpu:1,disk:2`. Entries are comma-separated
 * `category:weight` pairs; spaces around parts are ignored; weights are non-negative decimals;
 * each category may appear once; at least one weight must be positive.
 * @throws {WeightsParseError} naming the bad entry, category or value.
 */
export function parseWeights(input: string): Weights {
  if (input.length > MAX_WEIGHTS_LENGTH)
    throw new WeightsParseError(`weights are longer than ${MAX_WEIGHTS_LENGTH} characters`);
  const text = input.trim();
  if (text === "") throw new WeightsParseError('weights are empty: expected e.g. "cpu:1,disk:2"');
  const out: Weights = {};
  for (const raw of text.split(",")) {
    const entry = raw.trim();
    if (entry === "") throw new WeightsParseError(`empty entry in "${text}" (stray comma?)`);
    const colon = entry.indexOf(":");
    if (colon < 0) throw new WeightsParseError(`"${entry}" is not category:weight`);
    const name = entry.slice(0, colon).trim();
    const value = entry.slice(colon + 1).trim();
    if (!isCategory(name)) {
      throw new WeightsParseError(
        `unknown category "${name}" in "${entry}" (expected one of ${CATEGORIES.join(", ")})`,
      );
    }
    if (Object.hasOwn(out, name)) throw new WeightsParseError(`category "${name}" is given more than once`);
    if (value.startsWith("-") && NUMBER.test(value.slice(1)))
      throw new WeightsParseError(`weight for "${name}" must not be negative, got "${value}"`);
    const n = Number(value);
    if (!NUMBER.test(value) || !Number.isFinite(n))
      throw new WeightsParseError(`weight for "${name}" is not a number: "${value}"`);
    out[name] = n;
  }
  if (!Object.values(out).some((w) => w > 0)) throw new WeightsParseError(`all weights in "${text}" are zero`);
  return out;
}

/** Writes weights in the form {@link parseWeights} reads, in category order, skipping omitted ones. */
export function formatWeights(weights: Weights): string {
  return CATEGORIES.filter((c) => weights[c] !== undefined)
    .map((c) => `${c}:${weights[c]}`)
    .join(",");
}

/** Scales weights to sum to 1, dropping zeros; the input must have a positive weight. */
export function normalizeWeights(weights: Weights): Weights {
  const entries = CATEGORIES.flatMap((c) => {
    const w = weights[c];
    return w !== undefined && w > 0 ? [[c, w] as const] : [];
  });
  const total = entries.reduce((sum, [, w]) => sum + w, 0);
  if (!(total > 0)) throw new RangeError("weights need at least one positive value");
  return Object.fromEntries(entries.map(([c, w]) => [c, w / total])) as Weights;
}
