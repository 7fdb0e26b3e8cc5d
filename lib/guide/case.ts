import { CAPABILITY_LABELS, isRequirementId, REQUIREMENT_IDS, type RequirementId } from "../catalog/capability-ids";
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
  caveat: string | null;
  weights: Weights;
  minIsolation: IsolationStrength | undefined;
  /** The case's own requirements, then those the URL adds (`require=`), each once. */
  requires: RequirementId[];
  /** The ones the URL added, which a link can take away again. */
  requiredByUrl: RequirementId[];
}

function fromUseCase(u: UseCase): ResolvedCase {
  return {
    id: u.id,
    title: u.title,
    summary: u.summary,
    why: u.why,
    caveat: u.caveat ?? null,
    weights: u.weights,
    minIsolation: u.minIsolation,
    requires: [...(u.requires ?? [])],
    requiredByUrl: [],
  };
}

/**
 * The guide's case from the URL: a built-in one, or custom weights (bad weights become a notice),
 * with the capabilities `require` adds (unknown ones become a notice and are left out).
 */
export function resolveGuideCase(
  asked: GuideCase | null,
  weights: string | null,
  require: readonly string[] | null = null,
): { useCase: ResolvedCase; notices: Notice[] } {
  const { useCase, notices } = caseOf(asked, weights);
  const { known, notice } = requirementsOf(require ?? []);
  const requiredByUrl = known.filter((r) => !useCase.requires.includes(r));
  return {
    useCase: { ...useCase, requires: [...useCase.requires, ...requiredByUrl], requiredByUrl },
    notices: notice ? [...notices, notice] : notices,
  };
}

function requirementsOf(values: readonly string[]): { known: RequirementId[]; notice: Notice | null } {
  const asked = [...new Set(values.map((v) => v.trim()).filter((v) => v !== ""))];
  const unknown = asked.filter((v) => !isRequirementId(v));
  const known = REQUIREMENT_IDS.filter((r) => asked.includes(r));
  if (unknown.length === 0) return { known, notice: null };
  const choices = REQUIREMENT_IDS.map((r) => `${r} (${CAPABILITY_LABELS[r].label})`).join(", ");
  const names = unknown.map((u) => `"${u}"`).join(", ");
  return {
    known,
    notice: {
      param: "require",
      message: `Ignored unknown requirement${unknown.length > 1 ? "s" : ""} ${names}; a case can require ${choices}.`,
    },
  };
}

function caseOf(asked: GuideCase | null, weights: string | null): { useCase: ResolvedCase; notices: Notice[] } {
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
        caveat: null,
        weights: parsed,
        minIsolation: undefined,
        requires: [],
        requiredByUrl: [],
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
