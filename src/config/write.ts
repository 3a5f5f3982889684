/**
 * Config values → `hedge.config.yaml` text (what `init` writes): a header comment, the keys in a
 * fixed, readable order, ladder rungs on one line each. The text parses back to the same values
 * (parseConfigText), which the tests check.
 */
import { Document, isMap, isSeq } from "yaml";
import type { ConfigFile } from "./schema.js";

const ORDER = [
  "version",
  "usage",
  "curve",
  "contract",
  "policy",
  "ratio",
  "rounding",
  "budget",
  "horizon",
  "seed",
  "asOf",
  "simulation",
  "effectiveness",
  "thresholds",
  "report",
  "book",
  "settlements",
  "company",
  "events",
  "volumePlan",
  "volumePlanWeight",
];

function ordered(values: ConfigFile): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const v = values as Record<string, unknown>;
  for (const key of ORDER) if (v[key] !== undefined) out[key] = v[key];
  for (const key of Object.keys(v)) if (!(key in out) && v[key] !== undefined) out[key] = v[key];
  return out;
}

export function renderConfigYaml(values: ConfigFile, header: readonly string[] = []): string {
  const doc = new Document(ordered(values));
  if (header.length > 0) doc.commentBefore = header.map((l) => ` ${l}`).join("\n");
  // One line per ladder rung and per band: { fromMonth: 1, toMonth: 3, ratio: 0.8, … }.
  const flowItems = (node: unknown): void => {
    if (isSeq(node)) for (const item of node.items) if (isMap(item)) item.flow = true;
  };
  const policy = doc.get("policy", true);
  if (isMap(policy)) flowItems(policy.get("ladder", true));
  const thresholds = doc.get("thresholds", true);
  if (isMap(thresholds)) flowItems(thresholds.get("hedgeRatioBands", true));
  return doc.toString({ lineWidth: 0 });
}
