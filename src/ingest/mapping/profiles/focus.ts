/**
 * FinOps FOCUS 1.x cost and usage data (FOCUS specification; the exporters' published formats (tokenhedge help formats)): one row per charge
 * period and SKU price. Token rows have `ConsumedUnit` = Tokens; the kind is only in the text of
 * `SkuMeter` (1.1+) or `ChargeDescription`. Credits, tax and adjustments are charges, not usage:
 * cost included, tokens never.
 */
import { fingerprint, type Profile } from "./types.js";

export const focusProfile: Profile = {
  id: "focus",
  title: "FinOps FOCUS 1.x",
  detect: fingerprint(["ConsumedUnit", "ConsumedQuantity", "BilledCost", "ChargePeriodStart"]),
  build(h) {
    const kindCol = h.has("SkuMeter") ? "SkuMeter" : "ChargeDescription";
    return {
      spec: {
        name: "FOCUS 1.x",
        provider: h.has("ProviderName") ? { column: "ProviderName", normalize: "slug" } : "unspecified",
        date: { column: "ChargePeriodStart", ...(h.has("ChargePeriodEnd") ? { end: "ChargePeriodEnd" } : {}) },
        filters: [
          ...(h.has("ChargeCategory")
            ? [
                {
                  when: { column: "ChargeCategory", in: ["Credit", "Tax", "Adjustment"] as [string, ...string[]] },
                  then: "cost-only" as const,
                  reason: "credit, tax or adjustment",
                },
              ]
            : []),
          {
            unless: { column: "ConsumedUnit", matches: "^(1000 |1k |1m )?tokens?$" },
            then: "skip",
            reason: "not tokens (ConsumedUnit)",
          },
        ],
        quantity: {
          column: "ConsumedQuantity",
          kind: {
            column: kindCol,
            rules: [
              { matches: "cache[ -]?read|cached|\\bcchd\\b", kind: "input_cache_read" },
              { matches: "cache[ -]?write", kind: "input_cache_write" },
              // Azure meters abbreviate: "gpt-4o-mini-0718-Inp-glbl Tokens", "…-Outp-glbl Tokens".
              { matches: "input|prompt|\\binp\\b", kind: "input_uncached" },
              { matches: "output|completion|\\boutp?\\b", kind: "output" },
              // ConsumedUnit already said tokens: a meter we cannot read is still token usage, of a kind not known.
              { matches: ".", kind: "unspecified" },
            ],
          },
          unit: {
            column: "ConsumedUnit",
            table: { tokens: 1, token: 1, "1000 tokens": 1000, "1k tokens": 1000, "1m tokens": 1000000 },
          },
        },
        // "Claude 3.5 Sonnet Input Tokens" → claude-3-5-sonnet.
        // … and Azure's "gpt-4o-mini-0718-Inp-glbl Tokens" → gpt-4o-mini-0718.
        model: {
          column: kindCol,
          pattern:
            "^(?:\\$[\\d.]+ per 1K )?(.*?)(?:\\s+(?:cache\\s*(?:read|write)\\s+)?(?:input|output|prompt|completion)\\b|-(?:cchd-)?(?:inp|outp?)-)",
          normalize: "slug",
          default: "unspecified",
        },
        cost: {
          column: "BilledCost",
          currency: h.has("BillingCurrency") ? { column: "BillingCurrency", normalize: "upper" } : "USD",
        },
        ...(h.has("SubAccountName")
          ? { project: { column: "SubAccountName" } }
          : h.has("SubAccountId")
            ? { project: { column: "SubAccountId" } }
            : {}),
      },
      notes: [
        `token kind from ${kindCol}; cost from BilledCost in BillingCurrency (EffectiveCost and ListCost are not added)`,
        "credits, tax and adjustments: cost included, tokens never; --exclude-credits leaves them out",
      ],
    };
  },
};
