/**
 * OpenRouter Activity export (the exporters' published formats (tokenhedge help formats)): one row per day (or hour / month) and model slug, every
 * field quoted. Reasoning tokens are inside completion tokens (OpenRouter documents that reasoning
 * is billed as completion), so they are not added. Prompt tokens may include cached tokens the
 * export does not split out: they are reported as `input`, cache status unknown, rather than an
 * invented split. `BYOK Usage` is billed by the user's own provider key, not by OpenRouter.
 * Column names other than `BYOK Usage` and the token columns are inferred, not seen verbatim.
 */
import type { TokenColumn } from "../schema.js";
import { fingerprint, type Profile } from "./types.js";

export const openrouterProfile: Profile = {
  id: "openrouter",
  title: "OpenRouter activity export",
  detect: fingerprint(["BYOK Usage", "Prompt Tokens", "Completion Tokens"]),
  build(h) {
    const modelCol = ["Model", "Model Slug", "model_permaslug"].find((c) => h.has(c));
    return {
      spec: {
        name: "OpenRouter activity",
        provider: modelCol ? { column: modelCol, pattern: "^([^/]+)/", default: "openrouter" } : "openrouter",
        date: { column: "Date" },
        tokens: [
          { column: "Prompt Tokens", kind: "input" },
          { column: "Completion Tokens", kind: "output" },
        ] as [TokenColumn, ...TokenColumn[]],
        emptyTokens: "zero",
        ...(modelCol ? { model: { column: modelCol, pattern: "^(?:[^/]+/)?(.+)$" } } : {}),
        ...(h.has("Usage") ? { cost: { column: "Usage", currency: "USD" } } : {}),
        ...(h.has("API Key") ? { project: { column: "API Key" } } : {}),
      },
      notes: [
        "Reasoning Tokens are inside Completion Tokens (billed as output): not added",
        "Prompt Tokens reported as kind input, cache status unknown (the export does not split cached prompt tokens)",
        "cost from Usage (USD); BYOK Usage is billed by your own provider key, not by OpenRouter: not added",
        "provider is the model slug's prefix (anthropic/…, openai/…)",
      ],
    };
  },
};
