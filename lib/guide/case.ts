import { USE_CASE_IDS } from "../catalog/use-case-ids";
import { USE_CASES, type UseCase } from "../catalog/use-cases";
import { parseWeights, WeightsParseError, type Weights } from "../catalog/weights";
import type { IsolationStrength } from "../catalog/isolation";
import type { GuideCase } from "../search-params";
import type { Notice } from "../explore/selection";

export interface ResolvedCase {
  id: GuideCase;
  title: string;
  summary: string;
  why: string | null;
  weights: Weights;
  minIsolation: IsolationStrength | undefined;
}

function fromUseCase(u: UseCase): ResolvedCase {
  return { id: u.id, title: u.title, summary: u.summary, why: u.why, weights: u.weights, minIsolation: u.minIsolation };
}

/** The guide's case from the URL: a built-in one, or custom weights (bad weights become a notice). */
export function resolveGuideCase(
  asked: GuideCase | null,
  weights: string | null,
): { useCase: ResolvedCase; notices: Notice[] } {
  const fallback = fromUseCase(USE_CASES[USE_CASE_IDS[0]]);
  if (asked !== "custom") return { useCase: asked === null ? fallback : fromUseCase(USE_CASES[asked]), notices: [] };
  if (weights === null)
    return {
      useCase: fallback,
      notices: [
        {
          param: "weights",
          message: `A custom case needs weights (e.g. weights=cpu:1,disk:2); showing "${fallback.title}".`,
        },
      ],
    };
  try {
    const parsed = parseWeights(weights);
    return {
      useCase: {
        id: "custom",
        title: "Custom weights",
        summary: "Your own weights over the categories.",
        why: null,
        weights: parsed,
        minIsolation: undefined,
      },
      notices: [],
    };
  } catch (e) {
    if (!(e instanceof WeightsParseError)) throw e;
    return {
      useCase: fallback,
      notices: [{ param: "weights", message: `Ignored custom weights: ${e.message}; showing "${fallback.title}".` }],
    };
  }
}
