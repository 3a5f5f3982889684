/**
 * Mapping file text (YAML or JSON) → a validated mapping. A bad mapping is a configuration error
 * (exit 2) naming the file, the key path (e.g. `quantity.kind.rules[2]`), its line in a YAML file,
 * and what was expected. Regular expressions are compiled here so a broken pattern is reported
 * against its key, not on the first row that needs it.
 */
import { LineCounter, parseDocument, isNode, stringify } from "yaml";
import { yamlToJs } from "../../schema/yaml.js";
import { compileUserRegex } from "./user-regex.js";
import type { ZodError } from "zod";
import { HedgeError } from "../../errors.js";
import { formatPath } from "../../schema/zod-errors.js";
import { mappingSchema, type MappingSpec } from "./schema.js";

function describeIssue(issue: ZodError["issues"][number]): string {
  if (issue.code === "unrecognized_keys")
    return `unknown key${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => `"${k}"`).join(", ")}`;
  return issue.message;
}

/** Parse and validate a mapping. `source` is the file name used in messages. */
export function parseMappingText(text: string, source: string): MappingSpec {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: true });
  if (doc.errors.length > 0) {
    const err = doc.errors[0]!;
    const pos = err.linePos?.[0];
    throw new HedgeError(
      "CONFIG_INVALID",
      `mapping file is not valid ${/\.json$/i.test(source) ? "JSON" : "YAML"}: ${err.message.split("\n")[0]}`,
      {
        file: source,
        ...(pos ? { line: pos.line, column: pos.col } : {}),
        expected: "a YAML or JSON mapping (tokenhedge ingest FILE --print-mapping writes one to start from)",
      },
    );
  }
  const raw = yamlToJs(doc, source);
  const locate = (path: readonly PropertyKey[]): { line: number; column: number } | undefined => {
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n) as unknown[], true);
      if (isNode(node) && node.range) {
        const p = lines.linePos(node.range[0]);
        return { line: p.line, column: p.col };
      }
    }
    return undefined;
  };
  const result = mappingSchema.safeParse(raw ?? {});
  if (!result.success) {
    const issues = result.error.issues;
    // An unknown key's issue points at its parent: locate the key itself.
    const at = (i: (typeof issues)[number]) =>
      locate(i.code === "unrecognized_keys" && i.keys.length > 0 ? [...i.path, i.keys[0]!] : i.path);
    const body = issues.map((i) => {
      const where = at(i);
      return `  ${formatPath(i.path)}: ${describeIssue(i)}${where ? ` (line ${where.line})` : ""}`;
    });
    const first = issues[0]!;
    const pos = at(first);
    throw new HedgeError("CONFIG_INVALID", `mapping is not valid:\n${body.join("\n")}`, {
      file: source,
      ...(pos ? { line: pos.line, column: pos.column } : {}),
      path: formatPath(first.path),
      expected: describeIssue(first),
      hint: "start from the mapping that tokenhedge ingest FILE --print-mapping prints for a similar file",
    });
  }
  const spec = result.data;
  checkPatterns(spec, source, locate);
  return spec;
}

function checkPatterns(
  spec: MappingSpec,
  source: string,
  locate: (p: readonly PropertyKey[]) => { line: number; column: number } | undefined,
): void {
  const check = (pattern: string | undefined, path: PropertyKey[]): void => {
    if (pattern === undefined) return;
    try {
      compileUserRegex(pattern);
    } catch (e) {
      const at = locate(path);
      throw new HedgeError(
        "CONFIG_INVALID",
        `mapping is not valid:\n  ${formatPath(path)}: not a regular expression: ${(e as Error).message}`,
        {
          file: source,
          ...(at ? { line: at.line, column: at.column } : {}),
          path: formatPath(path),
          value: pattern,
          expected: "a regular expression in RE2 syntax (no backreferences or lookaround; matching time stays linear)",
        },
      );
    }
  };
  for (const key of ["provider", "model", "project"] as const) {
    const v = spec[key];
    if (v !== undefined && typeof v !== "string") check(v.pattern, [key, "pattern"]);
  }
  const kind = spec.quantity?.kind;
  if (kind !== undefined && typeof kind !== "string")
    kind.rules?.forEach((r, i) => check(r.matches, ["quantity", "kind", "rules", i, "matches"]));
  spec.filters?.forEach((f, i) => {
    check(f.when?.matches, ["filters", i, "when", "matches"]);
    check(f.unless?.matches, ["filters", i, "unless", "matches"]);
  });
}

/** A mapping as YAML, for `--print-mapping` (a starting point for a mapping file). */
export function mappingToYaml(spec: MappingSpec): string {
  return stringify(spec, { lineWidth: 0 });
}
