/**
 * OpenAI usage-dashboard exports (the exporters' published formats (tokenhedge help formats)): the completions usage export (one row per bucket ×
 * project × user × key × model …, floats such as `59200.0`, blank rows for empty buckets) and the
 * costs export (`amount_value` with 16 decimals, `line_item` such as "gpt-5-nano, input_tokens").
 * OpenAI documents `input_tokens` as all input tokens, cached ones included, so cached input is
 * subtracted from it, never added on top.
 */
import type { MappingSpec, TokenColumn } from "../schema.js";
import { fingerprint, type Header, type Profile } from "./types.js";

function dateOf(h: Header): MappingSpec["date"] {
  return h.has("start_time_iso")
    ? { column: "start_time_iso", format: "iso8601", ...(h.has("end_time_iso") ? { end: "end_time_iso" } : {}) }
    : { column: "start_time", format: "unix", ...(h.has("end_time") ? { end: "end_time" } : {}) };
}

export const openaiUsageProfile: Profile = {
  id: "openai-usage",
  title: "OpenAI usage export (completions)",
  detect: fingerprint(["start_time", "num_model_requests", "input_cached_tokens"]),
  build(h) {
    const notes = [
      "input_tokens includes input_cached_tokens (OpenAI's definition): input_uncached = input_tokens − input_cached_tokens",
      "text/audio/image token columns are breakdowns of input and output: not added; num_model_requests is not tokens",
    ];
    const contained = ["input_cached_tokens"];
    const tokens: TokenColumn[] = [];
    if (h.has("input_cache_write_tokens")) {
      contained.push("input_cache_write_tokens");
      notes.push("input_cache_write_tokens read as part of input_tokens, like cached input");
    }
    tokens.push({ column: "input_tokens", kind: "input_uncached", minus: contained });
    tokens.push({ column: "input_cached_tokens", kind: "input_cache_read" });
    if (h.has("input_cache_write_tokens"))
      tokens.push({ column: "input_cache_write_tokens", kind: "input_cache_write" });
    tokens.push({ column: "output_tokens", kind: "output" });
    return {
      spec: {
        name: "OpenAI usage export",
        provider: "openai",
        date: dateOf(h),
        tokens: tokens as [TokenColumn, ...TokenColumn[]],
        emptyTokens: "zero",
        skipEmpty: true,
        ...(h.has("model") ? { model: { column: "model", default: "unspecified" } } : {}),
        ...(h.has("project_id") ? { project: { column: "project_id", default: "unspecified" } } : {}),
      },
      notes,
    };
  },
};

export const openaiCostsProfile: Profile = {
  id: "openai-costs",
  title: "OpenAI costs export",
  detect: fingerprint(["start_time", "amount_value", "amount_currency"]),
  build(h) {
    const grouped = h.has("line_item") && h.has("quantity");
    const notes = ["cost from amount_value in amount_currency"];
    const spec: MappingSpec = {
      name: "OpenAI costs export",
      provider: "openai",
      date: dateOf(h),
      cost: { column: "amount_value", currency: { column: "amount_currency", normalize: "upper", default: "USD" } },
      skipEmpty: true,
      ...(h.has("project_id") ? { project: { column: "project_id", default: "unspecified" } } : {}),
    };
    if (grouped) {
      notes.push(
        'grouped by line item: tokens from quantity, kind and model from line_item ("gpt-5-nano, input_tokens"); rows without a line item count for cost only',
      );
      spec.quantity = {
        column: "quantity",
        kind: {
          column: "line_item",
          rules: [
            { matches: "cached[ _]input|input[ _]cached|cache[ _]read", kind: "input_cache_read" },
            { matches: "cache[ _]write", kind: "input_cache_write" },
            { matches: "input", kind: "input_uncached" },
            { matches: "output", kind: "output" },
            { matches: ".", ignore: "not token usage (line item)" },
          ],
        },
        ...(h.has("quantity_unit")
          ? {
              unit: {
                column: "quantity_unit",
                table: { tokens: 1, token: 1, "": 1, "1k tokens": 1000, "1m tokens": 1000000 },
              },
            }
          : {}),
      };
      spec.emptyTokens = "zero";
      spec.model = { column: "line_item", pattern: "^\\s*([^,]+?)\\s*,", default: "unspecified" };
      spec.filters = [
        {
          when: { column: "line_item", empty: true },
          then: "cost-only",
          reason: "cost without a line item (ungrouped export)",
        },
        ...(h.has("quantity_unit")
          ? [
              {
                unless: { column: "quantity_unit", matches: "^(|tokens?|1[km] tokens)$" },
                then: "skip" as const,
                reason: "not tokens (quantity unit)",
              },
            ]
          : []),
      ];
    } else {
      notes.push("not grouped by line item: cost only, no token counts (export the usage CSV for tokens)");
    }
    return { spec, notes };
  },
};
