/** The file side of `report`: hash the inputs for the audit block, refuse to overwrite them, write the report atomically. */
import { createHash } from "node:crypto";
import { existsSync, readFileSync, realpathSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { HedgeError } from "../errors.js";
import type { ReportInputFile } from "../report/views/report.js";
import { writeDirectoryAtomic } from "./files.js";
import type { IoContext } from "./context.js";

/** SHA-256 and size of the exact bytes of every input file. */
export function hashInputs(ctx: IoContext, files: { role: string; path: string }[]): ReportInputFile[] {
  return files.map((f) => {
    const bytes = readFileSync(resolve(ctx.cwd, f.path));
    return {
      role: f.role,
      path: f.path,
      sha256: createHash("sha256").update(bytes).digest("hex"),
      bytes: bytes.length,
    };
  });
}

/** Refuse, before writing anything, any output that would land on an input file. */
function guardOutputs(ctx: IoContext, outDir: string, names: string[], inputs: string[]): void {
  const real = (p: string): string => (existsSync(p) ? realpathSync(p) : p);
  const protectedPaths = new Set(inputs.map((i) => real(resolve(ctx.cwd, i))));
  for (const name of names) {
    const target = real(resolve(ctx.cwd, outDir, name));
    if (protectedPaths.has(target)) {
      throw new HedgeError(
        "USAGE",
        `refusing to write ${name} over the input file ${relative(ctx.cwd, target) || target}`,
        {
          file: join(outDir, name),
          hint: "choose another --out directory",
        },
      );
    }
  }
}

/** Write every output (name → text) under `out` as one directory update; returns what was written, in name order. */
export function writeReportFiles(
  ctx: IoContext,
  out: string,
  outputs: Record<string, string | Uint8Array>,
  inputs: string[],
): { path: string; bytes: number }[] {
  const names = Object.keys(outputs).sort();
  guardOutputs(ctx, out, names, inputs);
  // The directory appears complete or not at all (a killed or disk-full run leaves the old one); an --out that names a
  // file is refused there.
  writeDirectoryAtomic(out, outputs, ctx.cwd, inputs);
  const written = names.map((name) => ({ path: join(out, name), bytes: byteLength(outputs[name]!) }));
  return written;
}

function byteLength(content: string | Uint8Array): number {
  return typeof content === "string" ? Buffer.byteLength(content, "utf8") : content.byteLength;
}
