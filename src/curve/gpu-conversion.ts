/**
 * Cross hedge of token spend with GPU-hour futures (docs/METHODOLOGY.md): token exposure Q becomes GPU-hours Q/k,
 * with k tokens served per GPU-hour. k is an assumption about the serving stack, not a market price, and an
 * error in it mis-sizes the hedge one for one — so it is always shown, and its sensitivity reported by the plan.
 *
 * With k per model, the blended k of a usage mix is the token-weighted *harmonic* mean, because GPU-hours (not
 * tokens per GPU-hour) add up across models:
 *   GPU-hours = Σₘ Qₘ/kₘ,   k_blended = Σₘ Qₘ / Σₘ (Qₘ/kₘ).
 */
import { HedgeError } from "../errors.js";
import type { ContractSpec } from "./contract.js";

export interface ModelConversion {
  model: string;
  tokens: number;
  tokensPerGpuHour: number;
  /** True when the model had no entry of its own and took the spec's blended value. */
  usedBlended: boolean;
}

export interface GpuConversion {
  /** The effective k used to size the plan. */
  tokensPerGpuHour: number;
  /** Where k came from, in words. */
  source: string;
  /** Per-model detail when k was blended from the usage mix. */
  byModel: ModelConversion[] | null;
}

/**
 * The k to use: an explicit override, the spec's single number, or the spec's per-model table weighted by the
 * usage's tokens per model (`modelMix`). Null for a token contract (no conversion).
 */
export function resolveGpuConversion(
  spec: ContractSpec,
  modelMix?: ReadonlyMap<string, bigint | number>,
  override?: number,
): GpuConversion | null {
  if (spec.underlying !== "gpu-hour-index") return null;
  if (override !== undefined) {
    if (!(override > 0 && Number.isFinite(override))) {
      throw new HedgeError("USAGE", `tokens per GPU-hour must be positive; got ${override}`, {
        value: String(override),
        expected: "e.g. 5000000",
      });
    }
    return { tokensPerGpuHour: override, source: "--tokens-per-gpu-hour", byModel: null };
  }
  const k = spec.tokensPerGpuHour;
  if (k === undefined) {
    throw new HedgeError("CONTRACT_INVALID", "a gpu-hour-index contract needs tokensPerGpuHour", {
      path: "tokensPerGpuHour",
      expected: "tokens served per GPU-hour",
    });
  }
  if (typeof k === "number") return { tokensPerGpuHour: k, source: "contract spec (blended)", byModel: null };

  const mix = [...(modelMix ?? new Map<string, bigint | number>())]
    .map(([model, t]) => ({ model, tokens: Number(t) }))
    .filter((m) => m.tokens > 0);
  const namedModels = mix.filter((m) => m.model !== "all" && m.model !== "unspecified");
  if (namedModels.length === 0) {
    if (k.blended === undefined) {
      throw new HedgeError(
        "CONTRACT_INVALID",
        "tokensPerGpuHour is given per model, but the usage has no model column to weight it by",
        {
          path: "tokensPerGpuHour.blended",
          expected: "a blended value for usage without models",
          hint: "add tokensPerGpuHour.blended, or map the model column with --map model=COLUMN",
        },
      );
    }
    return { tokensPerGpuHour: k.blended, source: "contract spec (blended; the usage names no models)", byModel: null };
  }
  const byModel: ModelConversion[] = mix.map((m) => {
    const own = Object.hasOwn(k.models, m.model) ? k.models[m.model] : undefined;
    const value = own ?? k.blended;
    if (value === undefined) {
      throw new HedgeError(
        "CONTRACT_INVALID",
        `tokensPerGpuHour has no entry for model "${m.model}" and no blended fallback`,
        {
          path: `tokensPerGpuHour.models.${m.model}`,
          value: m.model,
          expected: "tokens per GPU-hour for every model in the usage, or tokensPerGpuHour.blended",
        },
      );
    }
    return { model: m.model, tokens: m.tokens, tokensPerGpuHour: value, usedBlended: own === undefined };
  });
  const tokens = byModel.reduce((a, m) => a + m.tokens, 0);
  const gpuHours = byModel.reduce((a, m) => a + m.tokens / m.tokensPerGpuHour, 0);
  return {
    tokensPerGpuHour: Number((tokens / gpuHours).toFixed(6)),
    source: "contract spec per model, weighted by the usage's tokens per model (harmonic mean)",
    byModel,
  };
}
