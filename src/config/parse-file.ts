/**
 * Config file text → a validated config layer. YAML (`.yaml`, `.yml`) or JSON (`.json`), chosen by the
 * file's extension. Errors name the file, the line and column when YAML gives one, the key path and
 * what was expected (the changesets style `dot.path: message`, common CLI practice item 7), exit 2.
 */
import { LineCounter, parseDocument, isMap, isNode, isScalar, type Document } from "yaml";
import type { ZodError } from "zod";
import { HedgeError } from "../errors.js";
import { formatPath, parseJsonText } from "../schema/zod-errors.js";
import { yamlToJs } from "../schema/yaml.js";
import { configFileSchema, type ConfigFile } from "./schema.js";

export type ConfigSyntax = "yaml" | "json";

export function syntaxOf(file: string): ConfigSyntax {
  return /\.json$/i.test(file) ? "json" : "yaml";
}

/** Where a key path sits in a YAML document (1-based line and column), when it can be found. */
function yamlPosition(
  doc: Document,
  lines: LineCounter,
  path: readonly PropertyKey[],
  atKey = false,
): { line: number; column: number } | undefined {
  // `atKey`: where the key itself is written (an unknown key's line and column), not its value.
  const parent = atKey && path.length > 0 ? doc.getIn(path.slice(0, -1) as unknown[], true) : undefined;
  if (isMap(parent)) {
    const pair = parent.items.find((p) => isScalar(p.key) && p.key.value === path[path.length - 1]);
    if (pair && isNode(pair.key) && pair.key.range) {
      const pos = lines.linePos(pair.key.range[0]);
      return { line: pos.line, column: pos.col };
    }
  }
  // Else walk up to the deepest part of the path that exists.
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n) as unknown[], true);
    if (isNode(node) && node.range) {
      const pos = lines.linePos(node.range[0]);
      return { line: pos.line, column: pos.col };
    }
  }
  return undefined;
}

function describeIssue(issue: ZodError["issues"][number]): string {
  if (issue.code === "unrecognized_keys") {
    return `unknown key${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => `"${k}"`).join(", ")} (see tokenhedge help config)`;
  }
  return issue.message;
}

/** The key path an issue is about: an unknown key's own (its issue points at the mapping that holds it). */
function issuePath(issue: ZodError["issues"][number]): readonly PropertyKey[] {
  return issue.code === "unrecognized_keys" && issue.keys.length > 0 ? [...issue.path, issue.keys[0]!] : issue.path;
}

function configError(
  file: string,
  error: ZodError,
  locate?: (path: readonly PropertyKey[], atKey?: boolean) => { line: number; column: number } | undefined,
): HedgeError {
  const lines = error.issues.map((i) => {
    const where = locate?.(issuePath(i), i.code === "unrecognized_keys");
    return `  ${formatPath(i.path)}: ${describeIssue(i)}${where ? ` (line ${where.line})` : ""}`;
  });
  const first = error.issues[0]!;
  const unknown = first.code === "unrecognized_keys";
  const at = locate?.(issuePath(first), unknown);
  return new HedgeError("CONFIG_INVALID", `config is not valid:\n${lines.join("\n")}`, {
    file,
    ...(at ? { line: at.line, column: at.column } : {}),
    path: formatPath(issuePath(first)),
    expected: unknown ? "a key the config knows (tokenhedge help config lists them)" : describeIssue(first),
    hint: unknown
      ? "a misspelt key? fix or remove it"
      : "fix the key in the config file, or override it with a flag or a TOKENHEDGE_* variable",
  });
}

/** Parse and validate config text. `file` is the name used in messages. */
export function parseConfigText(text: string, file: string, syntax: ConfigSyntax = syntaxOf(file)): ConfigFile {
  let raw: unknown;
  let locate:
    ((path: readonly PropertyKey[], atKey?: boolean) => { line: number; column: number } | undefined) | undefined;
  if (syntax === "json") {
    raw = parseJsonText(text, file, "CONFIG_INVALID");
  } else {
    const lineCounter = new LineCounter();
    const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
    const err = doc.errors[0];
    if (err) {
      const pos = lineCounter.linePos(err.pos[0]);
      throw new HedgeError("CONFIG_INVALID", `not valid YAML: ${err.message.split("\n")[0]}`, {
        file,
        line: pos.line,
        column: pos.col,
        expected: "a YAML mapping of config keys",
        hint: "check the indentation and that every key is followed by a colon and a space",
      });
    }
    raw = yamlToJs(doc, file);
    locate = (path, atKey) => yamlPosition(doc, lineCounter, path, atKey);
  }
  if (raw === null || raw === undefined) raw = {};
  if (typeof raw !== "object" || Array.isArray(raw)) {
    throw new HedgeError("CONFIG_INVALID", "the config must be a mapping of keys to values", {
      file,
      path: "(root)",
      expected: "keys such as usage:, curve:, contract:",
    });
  }
  const result = configFileSchema.safeParse(raw);
  if (!result.success) throw configError(file, result.error, locate);
  return result.data;
}
