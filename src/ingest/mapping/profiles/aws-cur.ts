/**
 * AWS Cost and Usage Report 2.0 (Data Exports), Amazon Bedrock rows (the exporters' published formats (tokenhedge help formats); AWS, "Understanding
 * your CUR data" for Bedrock). One line item per usage type and hour or day; the token kind is the
 * usage type's suffix (`-input-tokens`, `-output-tokens`, `-cache-read-input-token-count`,
 * `-cache-write-input-token-count`, optionally followed by `-cross-region-global`, `-batch` …), the
 * amount is in the pricing unit (`1K tokens`). Credits, tax and refunds are never tokens; their cost
 * is kept in net cost by default and reported separately.
 */
import { fingerprint, type Profile } from "./types.js";

export const awsCurProfile: Profile = {
  id: "aws-cur",
  title: "AWS CUR 2.0 (Amazon Bedrock)",
  detect: fingerprint(["line_item_usage_type", "line_item_usage_amount"]),
  build(h) {
    const notes = [
      "only line_item_product_code = AmazonBedrock; token kind from the usage-type suffix; amounts scaled by pricing_unit (1K tokens = 1000)",
      "credits, tax, refunds and discounts: cost included (net), tokens never; --exclude-credits leaves them out",
    ];
    const verify = h.has("line_item_unblended_rate")
      ? { verify: { cost: "line_item_unblended_cost", unitPrice: "line_item_unblended_rate" } }
      : {};
    if (verify.verify)
      notes.push("the unit is checked per row: cost ≈ amount × unblended rate means the amount is in pricing units");
    return {
      spec: {
        name: "AWS CUR 2.0 Bedrock",
        provider: "aws-bedrock",
        date: {
          column: "line_item_usage_start_date",
          ...(h.has("line_item_usage_end_date") ? { end: "line_item_usage_end_date" } : {}),
        },
        filters: [
          {
            unless: { column: "line_item_product_code", equals: "AmazonBedrock" },
            then: "skip",
            reason: "not Amazon Bedrock",
          },
          {
            when: {
              column: "line_item_line_item_type",
              in: [
                "Credit",
                "Tax",
                "Refund",
                "Discount",
                "BundledDiscount",
                "EdpDiscount",
                "PrivateRateDiscount",
                "SavingsPlanNegation",
                "Fee",
              ],
            },
            then: "cost-only",
            reason: "credit, tax, refund or discount",
          },
        ],
        quantity: {
          column: "line_item_usage_amount",
          kind: {
            column: "line_item_usage_type",
            rules: [
              { matches: "cache-?read", kind: "input_cache_read" },
              { matches: "cache-?write", kind: "input_cache_write" },
              { matches: "input-?tokens?", kind: "input_uncached" },
              { matches: "output-?tokens?", kind: "output" },
              { matches: "InputTokenCount", kind: "input_uncached" },
              { matches: "OutputTokenCount", kind: "output" },
              { matches: ".", ignore: "not token usage (usage type)" },
            ],
          },
          unit: {
            column: "pricing_unit",
            table: { "1K tokens": 1000, "1M tokens": 1000000, tokens: 1, token: 1 },
            ...verify,
          },
        },
        // USE1-Claude3.5Sonnet-input-tokens → Claude3.5Sonnet (region prefix and kind suffix dropped).
        model: {
          column: "line_item_usage_type",
          pattern: "^(?:[A-Z]{2,4}\\d?-)?(?:MP:)?(.+?)[-_](?:cache-?(?:read|write)-?)?(?:input|output)",
          normalize: "lower",
          default: "unspecified",
        },
        cost: {
          column: h.has("line_item_net_unblended_cost") ? "line_item_net_unblended_cost" : "line_item_unblended_cost",
          currency: { column: "line_item_currency_code", normalize: "upper", default: "USD" },
        },
        ...(h.has("line_item_usage_account_id") ? { project: { column: "line_item_usage_account_id" } } : {}),
        ...(h.has("identity_line_item_id")
          ? {
              key: ["identity_line_item_id", "identity_time_interval"].filter((c) => h.has(c)) as [string, ...string[]],
            }
          : {}),
      },
      notes,
    };
  },
};
