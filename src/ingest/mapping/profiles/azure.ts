/**
 * Azure Cost Management "cost details" export (MCA layout; EA exports use the same names in
 * PascalCase, and columns match case-insensitively), Azure OpenAI / AI services rows (the exporters' published formats (tokenhedge help formats)).
 * The token kind is in `meterName` ("gpt-4o-0806-Inp-glbl Tokens", "… Outp glbl Tokens",
 * "… cached Inp glbl"), the quantity is in `unitOfMeasure` (1K or 1M). Whether `quantity` is in
 * those pricing units or already raw tokens is decided per row from cost ≈ quantity × price.
 */
import { fingerprint, type Profile } from "./types.js";

export const azureProfile: Profile = {
  id: "azure-cost",
  title: "Azure cost details export (Azure OpenAI)",
  detect: (h) =>
    fingerprint(["meterName", "quantity", "unitOfMeasure"])(h) &&
    (h.has("costInBillingCurrency")
      ? 'header has "meterName" + "quantity" + "unitOfMeasure" + "costInBillingCurrency"'
      : undefined),
  build(h) {
    const price = h.has("effectivePrice") ? "effectivePrice" : h.has("unitPrice") ? "unitPrice" : undefined;
    const priceCost = h.has("costInPricingCurrency") ? "costInPricingCurrency" : "costInBillingCurrency";
    const notes = [
      "cost in the billing currency (costInBillingCurrency, billingCurrency); costInUsd and costInPricingCurrency are not added",
      "token kind and model from meterName; quantity scaled by unitOfMeasure (1K = 1000, 1M = 1,000,000)",
    ];
    if (price)
      notes.push(
        `units checked per row: ${priceCost} ≈ quantity × ${price} means quantity is in pricing units, ≈ quantity × ${price} / 1000 means raw tokens`,
      );
    const projectCol = ["subscriptionName", "SubscriptionName", "resourceGroupName", "ResourceGroup"].find((c) =>
      h.has(c),
    );
    return {
      spec: {
        name: "Azure cost details",
        provider: "azure-openai",
        date: { column: h.has("date") ? "date" : "usageDate" },
        filters: [
          {
            unless: { column: "meterCategory", matches: "cognitive|openai|foundry|ai services|ai studio" },
            then: "skip",
            reason: "not Azure OpenAI / AI services",
          },
          ...(h.has("chargeType")
            ? [
                {
                  unless: { column: "chargeType", equals: "Usage" },
                  then: "cost-only" as const,
                  reason: "not a usage charge (purchase, refund, unused reservation)",
                },
              ]
            : []),
        ],
        quantity: {
          column: "quantity",
          kind: {
            column: "meterName",
            rules: [
              { matches: "cach", kind: "input_cache_read" },
              { matches: "\\b(inp|input|in)\\b", kind: "input_uncached" },
              { matches: "\\b(outp|output|out)\\b", kind: "output" },
              { matches: ".", ignore: "not token usage (meter)" },
            ],
          },
          unit: {
            column: "unitOfMeasure",
            table: {
              "1K": 1000,
              "1M": 1000000,
              "1K Tokens": 1000,
              "1M Tokens": 1000000,
              "1": 1,
              Tokens: 1,
              "1 Token": 1,
            },
            ...(price ? { verify: { cost: priceCost, unitPrice: price } } : {}),
          },
        },
        model: {
          column: "meterName",
          pattern: "^(.*?)[- ](?:cached[- ])?(?:inp|input|outp|output|in|out)\\b",
          normalize: "slug",
          default: "unspecified",
        },
        cost: {
          column: "costInBillingCurrency",
          currency: h.has("billingCurrency") ? { column: "billingCurrency", normalize: "upper" } : "USD",
        },
        ...(projectCol ? { project: { column: projectCol } } : {}),
      },
      notes,
    };
  },
};
