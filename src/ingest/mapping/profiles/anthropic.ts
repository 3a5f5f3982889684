/**
 * Anthropic Console exports (the exporters' published formats (tokenhedge help formats)): the usage CSV `claude_api_tokens_YYYY_MM.csv`, whose
 * token columns are disjoint (no-cache input, cache writes 5 m / 1 h, cache reads, output), and
 * the cost CSV `claude_api_cost_*.csv`, long by `token_type` with display model names.
 */
import type { TokenColumn } from "../schema.js";
import { fingerprint, type Profile } from "./types.js";

export const anthropicUsageProfile: Profile = {
  id: "anthropic-usage",
  title: "Anthropic Console usage export",
  detect: fingerprint(["usage_date_utc", "usage_input_tokens_no_cache"]),
  build(h) {
    const tokens: TokenColumn[] = [
      { column: "usage_input_tokens_no_cache", kind: "input_uncached" },
      { column: "usage_input_tokens_cache_write_5m", kind: "input_cache_write", optional: true },
      { column: "usage_input_tokens_cache_write_1h", kind: "input_cache_write", optional: true },
      // Older exports have one cache-write column.
      { column: "usage_input_tokens_cache_write", kind: "input_cache_write", optional: true },
      { column: "usage_input_tokens_cache_read", kind: "input_cache_read", optional: true },
      { column: "usage_output_tokens", kind: "output" },
    ];
    return {
      spec: {
        name: "Anthropic Console usage export",
        provider: "anthropic",
        date: { column: "usage_date_utc" },
        tokens: tokens as [TokenColumn, ...TokenColumn[]],
        emptyTokens: "zero",
        ...(h.has("model_version")
          ? { model: { column: "model_version" } }
          : h.has("model")
            ? { model: { column: "model" } }
            : {}),
        ...(h.has("workspace") ? { project: { column: "workspace", default: "Default" } } : {}),
      },
      notes: [
        "token columns are disjoint (no-cache input, cache writes, cache reads, output): each added once",
        "web_search_count is a count of searches, not tokens: not added",
      ],
    };
  },
};

export const anthropicCostProfile: Profile = {
  id: "anthropic-cost",
  title: "Anthropic Console cost export",
  detect: fingerprint(["usage_date_utc", "token_type", "cost_usd"]),
  build(h) {
    return {
      spec: {
        name: "Anthropic Console cost export",
        provider: "anthropic",
        date: { column: "usage_date_utc" },
        cost: { column: "cost_usd", currency: "USD" },
        // Display names ("Claude Sonnet 4.5") → API-style ids (claude-sonnet-4-5).
        model: { column: "model", normalize: "slug" },
        ...(h.has("workspace") ? { project: { column: "workspace", default: "Default" } } : {}),
      },
      notes: [
        "a cost export: cost_usd per day, model and token type, but no token counts (token_type is a label; export the usage CSV for tokens)",
        "model display names normalised to ids (Claude Sonnet 4.5 → claude-sonnet-4-5)",
      ],
    };
  },
};
