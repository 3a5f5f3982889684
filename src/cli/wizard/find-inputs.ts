/** The input files init offers as defaults: CSV and JSON files under the working directory, by role. */
import { openSync, readSync, closeSync, readdirSync, statSync } from "node:fs";
import { basename, join, relative, sep } from "node:path";
import { contractSpecSchema } from "../../curve/contract.js";
import { policySchema } from "../../hedge/policy.js";

export type Role = "usage" | "curve" | "contract" | "policy";

const SKIP_DIRS = new Set(["node_modules", "dist", "coverage", ".git"]);

function firstBytes(path: string, n = 4096): string {
  const fd = openSync(path, "r");
  try {
    const buf = Buffer.alloc(n);
    const read = readSync(fd, buf, 0, n, 0);
    return buf.subarray(0, read).toString("utf8");
  } finally {
    closeSync(fd);
  }
}

function roleOf(path: string): Role | undefined {
  if (/\.csv$/i.test(path)) {
    const header = (
      firstBytes(path)
        .replace(/^\uFEFF/, "")
        .split(/\r?\n/)[0] ?? ""
    )
      .toLowerCase()
      .split(/[,;\t]/)
      .map((h) => h.trim().replace(/^"|"$/g, ""));
    const has = (...names: string[]): boolean => names.some((n) => header.includes(n));
    if (has("month", "delivery_month") && has("price", "settle", "futures_price") && header.length <= 4) return "curve";
    if (has("spot") && has("futures")) return undefined;
    if (
      header.some((h) => h.includes("token")) &&
      has("date", "day", "usage_date", "timestamp", "time", "start_time", "period", "bucket_start_time")
    )
      return "usage";
    return undefined;
  }
  if (/\.json$/i.test(path) && statSync(path).size < 100_000) {
    let raw: unknown;
    try {
      raw = JSON.parse(firstBytes(path, 100_000));
    } catch {
      return undefined;
    }
    if (contractSpecSchema.safeParse(raw).success) return "contract";
    if (policySchema.safeParse(raw).success) return "policy";
  }
  return undefined;
}

/** Input files under the working directory (two levels deep), by role, best guess first. */
export function findCandidates(cwd: string): Record<Role, string[]> {
  const found: Record<Role, string[]> = { usage: [], curve: [], contract: [], policy: [] };
  const walk = (dir: string, depth: number): void => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (e.name.startsWith(".")) continue;
      const full = join(dir, e.name);
      if (e.isDirectory()) {
        if (depth < 2 && !SKIP_DIRS.has(e.name)) walk(full, depth + 1);
      } else if (e.isFile()) {
        const role = roleOf(full);
        if (role) found[role].push(relative(cwd, full));
      }
    }
  };
  walk(cwd, 0);
  // Best first: the role in the file name, then "token" (the default contract is a token contract), then shallow, then by name.
  const score = (role: Role, p: string): [number, number, number, string] => {
    const name = basename(p).toLowerCase();
    return [
      name.includes(role) ? 0 : 1,
      name.includes("token") || role === "usage" || role === "policy" ? 0 : 1,
      p.split(sep).length,
      p,
    ];
  };
  for (const role of Object.keys(found) as Role[]) {
    found[role].sort((a, b) => {
      const sa = score(role, a);
      const sb = score(role, b);
      for (let i = 0; i < sa.length; i++) if (sa[i]! !== sb[i]!) return sa[i]! < sb[i]! ? -1 : 1;
      return 0;
    });
  }
  return found;
}
