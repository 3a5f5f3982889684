/**
 * The inputs of a run and the refusal of writing over them: every file the run reads (or finds, or
 * is pointed at) is recorded by the real path a write to it would land on, and an output whose
 * target is one of them is refused before anything is written.
 */
import { lstatSync, readlinkSync, realpathSync, type Stats } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { HedgeError } from "../../errors.js";

/**
 * Every input of this run (real paths, through symlinks), with what it is: the files it has read
 * and the ones it found on its own (a mapping beside the data, a discovered config) or was pointed
 * at by the config (book, settlements, histories, …). An output is never written over one of them.
 */
const runInputs = new Map<string, string>();

/** The role of an input registered without one. */
const READ_BY_THIS_RUN = "read by this run";

/**
 * Protect `full` from this run's outputs. `role` says what the file is ("the config file", "the
 * mapping found beside usage.csv"); a role replaces a generic one, never the other way round.
 */
export function registerInput(full: string, role?: string): void {
  const key = writeTarget(full);
  if (role !== undefined || !runInputs.has(key)) runInputs.set(key, role ?? READ_BY_THIS_RUN);
}

/** A new run (tests call `run` many times in one process). */
export function resetRunInputs(): void {
  runInputs.clear();
}

/** Where a write to `full` lands: through symlinks (a link is followed, never replaced) and symlinked directories. */
export function writeTarget(full: string): string {
  try {
    return realpathSync(full);
  } catch {
    // Missing target, possibly a dangling link: follow the link by hand, resolve the directory.
  }
  let at = full;
  for (let hops = 0; hops < 40; hops++) {
    let st: Stats | undefined;
    try {
      st = lstatSync(at);
    } catch {
      st = undefined;
    }
    if (!st?.isSymbolicLink()) break;
    at = resolve(dirname(at), readlinkSync(at));
  }
  let dir = dirname(at);
  try {
    dir = realpathSync(dir);
  } catch {
    // The directory is missing: the write reports it.
  }
  return join(dir, basename(at));
}

function realOrSame(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return p;
  }
}

/** Refuse before writing anything when an output would land on an input of the same run. */
export function guardInputs(
  outPath: string,
  target: string,
  cwd: string,
  inputs: readonly string[],
  hint = "choose another output path",
): void {
  // The run's own record first: it says what the file is (the config, the mapping beside the data).
  const role = runInputs.get(target);
  if (role !== undefined)
    throw new HedgeError(
      "USAGE",
      `refusing to write over it: ${role === READ_BY_THIS_RUN ? "this run reads it" : `it is an input of this run (${role})`}`,
      {
        file: outPath,
        hint,
      },
    );
  for (const input of inputs) {
    if (realOrSame(resolve(cwd, input)) === target) {
      // Through a symlink the input may have another name: say it.
      const which = input === outPath ? "an input of this run" : `the input file ${input}`;
      throw new HedgeError("USAGE", `refusing to write over it: it is ${which}`, { file: outPath, hint });
    }
  }
}
