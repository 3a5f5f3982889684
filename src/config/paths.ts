/**
 * File paths in a config resolve relative to the config file (so a config works from any working
 * directory); paths from flags and environment variables resolve relative to the working directory,
 * as a shell user expects. Both are then written relative to the working directory, which keeps
 * messages short and output free of machine-specific absolute paths. Pure path arithmetic: `baseDir`
 * and `cwd` must be absolute, so nothing here consults the process.
 */
import { isAbsolute, join, relative } from "node:path";
import type { ConfigLayer } from "./layers.js";
import { getPath, setPath } from "./env.js";

/** Every key that holds a file path. */
export const PATH_KEYS = [
  "usage.file",
  "usage.mapping",
  "curve",
  "contract",
  "policy",
  "effectiveness.history",
  "book",
  "settlements",
  "company.prices",
  "company.mix",
  "company.commitments",
  "company.history",
  "events",
  "volumePlan",
] as const;

/** `p` (relative to `baseDir`, or absolute) as a path relative to `cwd`. */
export function rebase(p: string, baseDir: string, cwd: string): string {
  const abs = isAbsolute(p) ? p : join(baseDir, p);
  const rel = relative(cwd, abs);
  if (rel === "") return ".";
  // Climbing out of the working directory: the absolute path is clearer when it is no longer.
  return rel.startsWith("..") && abs.length <= rel.length ? abs : rel;
}

export function resolveLayerPaths(layer: ConfigLayer, baseDir: string, cwd: string): ConfigLayer {
  const values = structuredClone(layer.values) as Record<string, unknown>;
  for (const key of PATH_KEYS) {
    const v = getPath(values, key);
    if (typeof v === "string") setPath(values, key, rebase(v, baseDir, cwd));
    // usage.file may list several files (or globs, whose fixed part is rebased the same way).
    else if (Array.isArray(v))
      setPath(
        values,
        key,
        v.map((p: unknown) => (typeof p === "string" ? rebase(p, baseDir, cwd) : p)),
      );
  }
  return { ...layer, values };
}
