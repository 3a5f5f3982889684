/**
 * The usage arguments of a command → the inputs to read: files as given, a directory's usage files, a
 * quoted glob expanded here (no shell needed; Node 20 has no fs.glob), and `-` for standard input. With
 * `--engine duckdb` a glob stays one pattern, which DuckDB scans itself.
 */
import { readdirSync, statSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import { HedgeError } from "../errors.js";
import type { IoContext } from "./context.js";

export const STDIN = "-";

/** What a directory contributes: the exports tokenhedge reads, not their mapping files or notes. */
const USAGE_FILE = /\.(csv|tsv|txt)(\.gz)?$|\.parquet$/i;

const hasGlob = (s: string): boolean => /[*?[]/.test(s);

/** One glob segment (`*`, `?`, `[abc]`) as a regular expression; `*` never matches a leading dot. */
function segmentRegex(segment: string): RegExp {
  let re = "";
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i]!;
    if (c === "*") re += "[^/]*";
    else if (c === "?") re += "[^/]";
    else if (c === "[") {
      const end = segment.indexOf("]", i + 1);
      if (end < 0) re += "\\[";
      else {
        const body = segment
          .slice(i + 1, end)
          .replace(/^!/, "^")
          .replace(/\\/g, "\\\\");
        re += `[${body}]`;
        i = end;
      }
    } else re += c.replace(/[.+^${}()|\\]/g, "\\$&");
  }
  return new RegExp(`^${segment.startsWith(".") ? "" : "(?!\\.)"}${re}$`);
}

function entries(dir: string): { name: string; dir: boolean }[] {
  try {
    return readdirSync(dir, { withFileTypes: true }).map((e) => ({
      name: e.name,
      dir: e.isDirectory() || (e.isSymbolicLink() && isDir(join(dir, e.name))),
    }));
  } catch {
    return [];
  }
}

function isDir(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** The files a glob matches (`**` for any depth), sorted, as paths relative to the working directory when it was. */
export function expandGlob(cwd: string, pattern: string): string[] {
  const absolute = pattern.startsWith("/");
  const parts = pattern.split("/").filter((p, i) => p !== "" || i === 0);
  const fixed: string[] = [];
  while (parts.length > 1 && !hasGlob(parts[0]!)) fixed.push(parts.shift()!);
  const base = absolute ? resolve("/", ...fixed) : resolve(cwd, ...fixed);
  const found: string[] = [];
  const walk = (dir: string, rest: string[]): void => {
    if (rest.length === 0) return;
    const [head, ...tail] = rest;
    if (head === "**") {
      walk(dir, tail);
      for (const e of entries(dir)) if (e.dir && !e.name.startsWith(".")) walk(join(dir, e.name), rest);
      return;
    }
    const re = segmentRegex(head!);
    for (const e of entries(dir)) {
      if (!re.test(e.name)) continue;
      const p = join(dir, e.name);
      if (tail.length === 0) {
        if (!e.dir) found.push(p);
      } else if (e.dir) walk(p, tail);
    }
  };
  walk(base, parts);
  const shown = (p: string): string => (absolute ? p : relative(cwd, p).split(sep).join("/"));
  return [...new Set(found)].sort().map(shown);
}

/** A directory's usage files (not recursive), sorted by name. */
function directoryFiles(cwd: string, dir: string): string[] {
  const full = resolve(cwd, dir);
  return entries(full)
    .filter((e) => !e.dir && USAGE_FILE.test(e.name))
    .map((e) => e.name)
    .sort()
    .map((name) => (dir.endsWith("/") ? `${dir}${name}` : `${dir}/${name}`));
}

/**
 * Expand the usage arguments. `-` at most once (standard input can be read only once); a file named
 * twice (directly, or through a directory or a glob) is a usage error rather than counted twice.
 */
export function expandUsageArgs(ctx: IoContext, args: readonly string[], engine?: string): string[] {
  const out: string[] = [];
  for (const arg of args) {
    if (arg === STDIN) {
      if (out.includes(STDIN))
        throw new HedgeError("USAGE", "standard input (-) given twice", {
          value: args.join(" "),
          expected: "- at most once: standard input can be read only once",
          hint: "save one of the streams to a file and pass the file",
        });
      if (ctx.stdinIsTTY)
        throw new HedgeError("USAGE", "- reads the usage from standard input, which is a terminal", {
          expected: "a pipe or a redirect, e.g. cat usage.csv | tokenhedge ingest -",
          hint: "pipe the export in, or pass the file's path",
        });
      out.push(STDIN);
    } else if (hasGlob(arg) && engine !== "duckdb" && !isFile(resolve(ctx.cwd, arg))) {
      const matched = expandGlob(ctx.cwd, arg).filter((f) => USAGE_FILE.test(f));
      if (matched.length === 0)
        throw new HedgeError("INPUT_NOT_FOUND", `no file matches ${arg}`, {
          file: arg,
          expected: "a file or glob of usage exports (.csv, .tsv, .txt, .gz, .parquet)",
          hint: "check the pattern; quote it so the shell passes it through, e.g. 'exports/*.csv'",
        });
      out.push(...matched);
    } else if (isDir(resolve(ctx.cwd, arg))) {
      const inside = directoryFiles(ctx.cwd, arg);
      if (inside.length === 0)
        throw new HedgeError("INPUT_NOT_FOUND", `${arg} is a directory with no usage file in it`, {
          file: arg,
          expected: "a directory of usage exports (.csv, .tsv, .txt, .gz, .parquet)",
        });
      out.push(...inside);
    } else out.push(arg);
  }
  const seen = new Map<string, string>();
  for (const name of out) {
    if (name === STDIN) continue;
    const full = resolve(ctx.cwd, name);
    const earlier = seen.get(full);
    if (earlier !== undefined)
      throw new HedgeError(
        "USAGE",
        `usage file ${name} given twice${earlier !== name ? ` (also as ${earlier})` : ""}`,
        {
          file: name,
          expected: "each usage file once",
          hint: "drop the repeated argument (a directory or a glob may already include it)",
        },
      );
    seen.set(full, name);
  }
  return out;
}

function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}
