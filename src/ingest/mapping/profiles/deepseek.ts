/**
 * DeepSeek platform usage ZIP, the `amount-*.csv` file (the exporters' published formats (tokenhedge help formats)): long by `type`
 * (`input_cache_hit_tokens`, `input_cache_miss_tokens`, `output_tokens`, and `request_count`,
 * which is not tokens), with a UTF-8 BOM and CRLF. Buckets carry their own offset (+08:00 in
 * real exports): a day is the date as written unless `--tz` asks for another zone. Cost is in
 * the sibling `cost-*.csv`; `price` is a unit price and is never multiplied into a cost.
 */
import { fingerprint, type Profile } from "./types.js";

export const deepseekProfile: Profile = {
  id: "deepseek",
  title: "DeepSeek usage export (amount CSV)",
  detect: fingerprint(["start_time_iso", "end_time_iso", "type", "amount"]),
  build(h) {
    return {
      spec: {
        name: "DeepSeek amount CSV",
        provider: "deepseek",
        date: { column: "start_time_iso", end: "end_time_iso", bucket: "as-written" },
        quantity: {
          column: "amount",
          kind: {
            column: "type",
            rules: [
              { equals: "input_cache_hit_tokens", kind: "input_cache_read" },
              { equals: "input_cache_miss_tokens", kind: "input_uncached" },
              { equals: "output_tokens", kind: "output" },
              { equals: "request_count", ignore: "request count (not tokens)" },
            ],
          },
        },
        model: { column: "model" },
        ...(h.has("api_key_name") ? { project: { column: "api_key_name", default: "unspecified" } } : {}),
      },
      notes: [
        "no cost in the amount CSV (price is a unit price, never multiplied into a cost)",
        "request_count rows are not tokens",
      ],
    };
  },
};
