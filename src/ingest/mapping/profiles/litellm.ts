/**
 * LiteLLM proxy daily spend tables (`LiteLLM_DailyUserSpend` and its team / organisation twins,
 * BerriAI/litellm schema.prisma). Current LiteLLM counts cache reads and cache writes inside
 * `prompt_tokens`, so both are subtracted from it; older versions did not (the exporters' published formats (tokenhedge help formats)): pass
 * `--containment disjoint` for those exports.
 */
import type { TokenColumn } from "../schema.js";
import { fingerprint, type Profile } from "./types.js";

export const litellmProfile: Profile = {
  id: "litellm",
  title: "LiteLLM daily spend",
  detect: fingerprint(["date", "prompt_tokens", "completion_tokens", "spend"]),
  build(h, options) {
    const caches = ["cache_read_input_tokens", "cache_creation_input_tokens"].filter((c) => h.has(c));
    const disjoint = options.containment === "disjoint";
    const tokens: TokenColumn[] = [
      {
        column: "prompt_tokens",
        kind: "input_uncached",
        ...(disjoint || caches.length === 0 ? {} : { minus: caches }),
      },
      { column: "cache_read_input_tokens", kind: "input_cache_read", optional: true },
      { column: "cache_creation_input_tokens", kind: "input_cache_write", optional: true },
      { column: "completion_tokens", kind: "output" },
    ];
    const project = ["team_id", "organization_id", "user_id", "end_user"].find((c) => h.has(c));
    return {
      spec: {
        name: "LiteLLM daily spend",
        provider: h.has("custom_llm_provider") ? { column: "custom_llm_provider", default: "unspecified" } : "litellm",
        date: { column: "date" },
        tokens: tokens as [TokenColumn, ...TokenColumn[]],
        emptyTokens: "zero",
        model: { column: "model", default: "unspecified" },
        cost: { column: "spend", currency: "USD" },
        ...(project ? { project: { column: project, default: "unspecified" } } : {}),
      },
      notes: [
        disjoint
          ? "containment: disjoint (--containment disjoint, older LiteLLM): prompt_tokens excludes cache tokens"
          : "cache_read_input_tokens and cache_creation_input_tokens are inside prompt_tokens (current LiteLLM): subtracted, not added; pass --containment disjoint for older exports",
        "spend is USD",
      ],
    };
  },
};
