/** An export profile: how to recognise one vendor's export from its header, and its mapping. */
import type { MappingSpec } from "../schema.js";

export interface Header {
  names: string[];
  /** Case-insensitive, trimmed lookup. */
  has(name: string): boolean;
}

export function makeHeader(names: string[]): Header {
  const set = new Set(names.map((n) => n.trim().toLowerCase()));
  return { names: names.map((n) => n.trim()), has: (n) => set.has(n.toLowerCase()) };
}

export interface ProfileChoice {
  spec: MappingSpec;
  /** Assumptions made, said in the output (containment, currency, units …). */
  notes: string[];
}

export interface ProfileOptions {
  /** Generic profile: are cache columns contained in the input column (nested) or separate (disjoint)? */
  containment?: "nested" | "disjoint";
  /** `--map` columns for the generic profile. */
  map?: Partial<Record<"date" | "tokens" | "kind" | "model" | "cost" | "provider" | "project" | "currency", string>>;
}

export interface Profile {
  /** The `--format` value. */
  id: string;
  title: string;
  /** Why this header is this export (the distinctive columns), or undefined. */
  detect(header: Header): string | undefined;
  build(header: Header, options: ProfileOptions): ProfileChoice;
}

/** "all of these columns" detection, the usual fingerprint (the exporters' published formats (tokenhedge help formats), auto-detection). */
export function fingerprint(columns: readonly string[]): (h: Header) => string | undefined {
  return (h) => (columns.every((c) => h.has(c)) ? `header has ${columns.map((c) => `"${c}"`).join(" + ")}` : undefined);
}
