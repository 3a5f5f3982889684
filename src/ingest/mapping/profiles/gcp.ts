/**
 * Google Cloud Billing report CSV, Vertex AI / Gemini API SKUs (the exporters' published formats (tokenhedge help formats)). One row per day and
 * SKU; the token kind and the model are in `SKU description`, `Usage amount` is a count of tokens
 * (`Usage unit` = count) written with thousands separators inside quotes ("260,580"). The
 * cost-table download carries a preamble above the header, found by the detector.
 */
import { fingerprint, type Profile } from "./types.js";

export const gcpProfile: Profile = {
  id: "gcp-billing",
  title: "Google Cloud billing report (Vertex AI)",
  detect: fingerprint(["SKU description", "Usage amount", "Usage unit"]),
  build(h) {
    const costCol = ["Unrounded subtotal ($)", "Unrounded Cost ($)", "Subtotal ($)", "Cost ($)", "List cost ($)"].find(
      (c) => h.has(c),
    );
    const dateCol = ["Date", "Usage start date", "Usage start time"].find((c) => h.has(c)) ?? "Date";
    const notes = [
      'tokens from "Usage amount" where "Usage unit" is count; kind and model from "SKU description"',
      costCol
        ? `cost from "${costCol}" (the unrounded subtotal is preferred: rounded columns differ by cents)`
        : "no cost column",
    ];
    return {
      spec: {
        name: "GCP billing report",
        provider: "gcp-vertex",
        numbers: { thousands: "," },
        date: { column: dateCol },
        filters: [
          ...(h.has("Service description")
            ? [
                {
                  unless: { column: "Service description", matches: "vertex ai|gemini|generative" },
                  then: "skip" as const,
                  reason: "not Vertex AI / Gemini API",
                },
              ]
            : []),
          {
            unless: { column: "Usage unit", matches: "^(count|tokens?)$" },
            then: "skip",
            reason: "not tokens (usage unit)",
          },
        ],
        quantity: {
          column: "Usage amount",
          kind: {
            column: "SKU description",
            rules: [
              { matches: "cach", kind: "input_cache_read" },
              { matches: "output|thinking|reasoning", kind: "output" },
              { matches: "input", kind: "input_uncached" },
              { matches: ".", ignore: "not token usage (SKU)" },
            ],
          },
          unit: { column: "Usage unit", table: { count: 1, token: 1, tokens: 1 } },
        },
        model: {
          column: "SKU description",
          pattern: "(gemini[ -]?\\d+(?:\\.\\d+)?(?:[ -](?:pro|flash|ultra|nano|lite))*)",
          normalize: "slug",
          default: "unspecified",
        },
        ...(costCol ? { cost: { column: costCol, currency: "USD" } } : {}),
        ...(h.has("Project ID") ? { project: { column: "Project ID" } } : {}),
      },
      notes,
    };
  },
};
