/**
 * The generic profile: any CSV with a date column and token counts, long
 * (`date,model,token_type,tokens,cost_usd`) or wide (`timestamp,…,input_tokens,cached_input_tokens,
 * output_tokens,cost_usd`, a per-request log). Columns are found by name; `--map` names them
 * explicitly. For wide files it must assume whether cache columns are part of the input column:
 * it assumes they are (the OpenAI and LiteLLM convention, the exporters' published formats (tokenhedge help formats) "Subset/containment rules")
 * and says so; `--containment disjoint` adds them as they are.
 */
import { HedgeError } from "../../../errors.js";
import type { MappingSpec, TokenColumn } from "../schema.js";
import type { Header, Profile, ProfileChoice, ProfileOptions } from "./types.js";

export const ALIASES = {
  date: [
    "date",
    "day",
    "usage_date",
    "timestamp",
    "time",
    "start_time",
    "period",
    "created_at",
    "datetime",
    "usage_date_utc",
    "starttime",
    "date_utc",
  ],
  tokens: ["tokens", "token_count", "num_tokens", "n_tokens", "token_usage"],
  kind: ["token_type", "token_kind", "kind", "type"],
  model: ["model", "model_name", "model_id"],
  cost: ["cost_usd", "cost", "amount_usd", "amount", "cost_in_usd", "spend", "usd", "price_usd", "total_cost"],
  provider: ["provider", "vendor", "custom_llm_provider", "provider_name"],
  project: ["project", "project_id", "project_name", "workspace", "workspace_id", "team", "team_id"],
  currency: ["currency", "currency_code", "cost_currency"],
  id: ["request_id", "requestid", "id", "generation_id", "call_id", "response_id"],
} as const;

function find(h: Header, names: readonly string[]): string | undefined {
  for (const n of names) if (h.has(n)) return h.names.find((x) => x.toLowerCase() === n)!;
  return undefined;
}

function missing(field: string, h: Header, names: readonly string[]): HedgeError {
  return new HedgeError("INPUT_MISSING_COLUMN", `no ${field} column in the header`, {
    line: 1,
    value: h.names.join(","),
    expected: `a column named one of: ${names.join(", ")}`,
    hint: `name it with --map ${field}=COLUMN (the header has: ${h.names.join(", ")})`,
  });
}

const WIDE_RE = /^(?:(.+?)[ _-]?tokens|tokens[ _-](.+))$/i;

function stemOf(name: string): string | undefined {
  const m = WIDE_RE.exec(name.trim());
  if (!m) return undefined;
  const stem = (m[1] ?? m[2] ?? "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
  return stem === "" ? undefined : stem;
}

const isCache = (s: string) => /cache/.test(s) && !/uncached|no_?cache/.test(s);
const isUncached = (s: string) => /uncached|no_?cache|cache_miss/.test(s);
const isInput = (s: string) => s === "input" || s === "prompt";
const isOutput = (s: string) => s === "output" || s === "completion";
const isReasoning = (s: string) => /reasoning|thinking/.test(s);

export function buildGeneric(h: Header, options: ProfileOptions): ProfileChoice {
  const map = options.map ?? {};
  const notes: string[] = [];
  const col = (field: keyof typeof ALIASES & keyof NonNullable<ProfileOptions["map"]>): string | undefined => {
    const explicit = map[field];
    if (explicit !== undefined) {
      if (!h.has(explicit.trim())) {
        throw new HedgeError("INPUT_MISSING_COLUMN", `column "${explicit}" (mapped to ${field}) is not in the header`, {
          line: 1,
          value: h.names.join(","),
          expected: `a column named "${explicit}"`,
          hint: `the header has: ${h.names.join(", ")}`,
        });
      }
      return h.names.find((x) => x.toLowerCase() === explicit.trim().toLowerCase())!;
    }
    return find(h, ALIASES[field]);
  };

  const dateCol = col("date");
  const cost = col("cost");
  const model = col("model");
  const provider = col("provider");
  const project = col("project");
  const currency = col("currency");
  const idCol = find(h, ALIASES.id);

  let spec: Omit<MappingSpec, "date"> & { date?: MappingSpec["date"] };
  const tokensCol = col("tokens");
  if (tokensCol !== undefined) {
    const kind = col("kind");
    spec = { quantity: { column: tokensCol, kind: kind ? { column: kind } : "total" } };
  } else {
    const wide = h.names
      .map((n) => ({ name: n, stem: stemOf(n) }))
      .filter((c): c is { name: string; stem: string } => c.stem !== undefined && c.stem !== "total");
    if (wide.length === 0) {
      const total = find(h, ["total_tokens", "totaltokens"]);
      if (total === undefined) throw missing("tokens", h, ALIASES.tokens);
      spec = { quantity: { column: total, kind: "total" } };
    } else {
      spec = { tokens: wideColumns(wide, options.containment ?? "nested", notes) };
      if (find(h, ["total_tokens"])) notes.push("total_tokens is the sum of the other token columns: not added");
    }
  }
  if (dateCol === undefined) throw missing("date", h, ALIASES.date);
  spec.date = { column: dateCol };
  if (model) spec.model = { column: model };
  if (provider) spec.provider = { column: provider };
  if (project) spec.project = { column: project };
  if (cost) {
    spec.cost = { column: cost, ...(currency ? { currency: { column: currency, normalize: "upper" as const } } : {}) };
    if (!currency && !/usd/i.test(cost)) notes.push(`cost column "${cost}" has no currency: USD assumed`);
  }
  if (idCol) spec.key = [idCol];
  return { spec: spec as MappingSpec, notes };
}

function wideColumns(
  cols: { name: string; stem: string }[],
  containment: "nested" | "disjoint",
  notes: string[],
): [TokenColumn, ...TokenColumn[]] {
  const out: TokenColumn[] = [];
  if (containment === "disjoint") {
    for (const c of cols) out.push({ column: c.name, kind: c.stem });
    notes.push(
      `containment: disjoint (--containment disjoint): ${cols.map((c) => c.name).join(", ")} are added as they are`,
    );
    return out as [TokenColumn, ...TokenColumn[]];
  }
  const input = cols.find((c) => isInput(c.stem));
  const output = cols.find((c) => isOutput(c.stem));
  const uncached = cols.find((c) => isUncached(c.stem));
  const caches = cols.filter((c) => isCache(c.stem));
  for (const c of cols) {
    if (c === input && uncached) {
      notes.push(`assumed ${c.name} = ${uncached.name} + cache columns (its total): not added`);
      continue;
    }
    if (isReasoning(c.stem) && output) {
      notes.push(`assumed ${c.name} ⊂ ${output.name} (reasoning is billed as output): not added separately`);
      continue;
    }
    if (c === input && caches.length > 0) {
      out.push({ column: c.name, kind: c.stem, minus: caches.map((k) => k.name) });
      notes.push(
        `containment assumed: ${caches.map((k) => k.name).join(" + ")} ⊂ ${c.name}, so ${c.stem} = ${c.name} − ${caches.map((k) => k.name).join(" − ")} (the OpenAI/LiteLLM convention); if ${c.name} excludes cached tokens, pass --containment disjoint`,
      );
      continue;
    }
    out.push({ column: c.name, kind: c.stem });
  }
  return out as [TokenColumn, ...TokenColumn[]];
}

export const genericProfile: Profile = {
  id: "generic",
  title: "Generic usage CSV",
  // The generic profile is the fallback: it never claims a header by itself.
  detect: () => undefined,
  build: buildGeneric,
};
