/**
 * File access for commands. Reading: one bounded reader for every small input (config, curve,
 * contract, policy, histories, mappings) that refuses what is not a regular UTF-8 text file.
 * Writing: a whole file or nothing, over regular files only, never over an input of the run.
 * The guarantees are listed in docs/reliability.md.
 */
import { randomBytes } from "node:crypto";
import {
  chmodSync,
  closeSync,
  fstatSync,
  fsyncSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readlinkSync,
  readSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
  type Stats,
} from "node:fs";
import { isUtf8 } from "node:buffer";
import { basename, dirname, join, resolve } from "node:path";
import { HedgeError } from "../errors.js";
import {
  binaryKind,
  completeLength,
  utf8Hint,
  type BinaryKind,
  excessiveNesting,
  firstBadByte,
  lineColumn,
  MAX_NESTING,
  textProblem,
} from "../csv/text-checks.js";

/** The largest small input read whole (a curve, spec, policy, config or history is kilobytes). */
export const SMALL_INPUT_LIMIT = 32 * 1024 * 1024;

function kindOf(st: Stats): string | undefined {
  if (st.isFIFO()) return "a FIFO (named pipe)";
  if (st.isCharacterDevice()) return "a character device";
  if (st.isBlockDevice()) return "a block device";
  if (st.isSocket()) return "a socket";
  return undefined;
}

function readError(path: string, full: string, err: unknown): HedgeError {
  if (err instanceof HedgeError) return err;
  const code = (err as NodeJS.ErrnoException).code;
  if (code === "EIO")
    return new HedgeError("IO_ERROR", `cannot read ${path}: ${(err as Error).message}`, {
      file: path,
      hint: "the disk or the network file system failed; try again",
    });
  return new HedgeError(
    "INPUT_NOT_FOUND",
    code === "ENOENT" ? `no such file: ${path}` : `cannot read ${path}: ${(err as Error).message}`,
    {
      file: path,
      expected: "a readable file",
      ...(code === "ENOENT" ? { hint: `looked in ${dirname(full)}` } : {}),
    },
  );
}

/**
 * Refuse what cannot be read as a bounded regular file: a directory, a FIFO (which may never end
 * or never start), a device (`/dev/zero` never ends). Returns the size.
 */
export function checkRegularInput(path: string, full: string, what = "file"): number {
  let st: Stats;
  try {
    st = statSync(full);
  } catch (err) {
    throw readError(path, full, err);
  }
  if (st.isDirectory())
    throw new HedgeError("INPUT_NOT_FOUND", `${path} is a directory, not a file`, { file: path, expected: "a file" });
  const special = kindOf(st);
  if (special !== undefined) {
    throw new HedgeError("INPUT_INVALID", `this is ${special}, not a regular file`, {
      file: path,
      expected: `a regular ${what}`,
      // A pipe's data can be saved; a device (/dev/zero, /dev/stdin of a terminal) may never end.
      hint: st.isFIFO()
        ? `copy the data into a file first (e.g. cat ${path} > input.csv) and pass that file`
        : "pass a regular file (inputs are read whole, within a size limit)",
    });
  }
  return st.size;
}

/**
 * Every input of this run (real paths, through symlinks), with what it is: the files it has read
 * and the ones it found on its own (a mapping beside the data, a discovered config) or was pointed
 * at by the config (book, settlements, histories, …). An output is never written over one of them.
 */
const runInputs = new Map<string, string>();

/**
 * Protect `full` from this run's outputs. `role` says what the file is ("the config file", "the
 * mapping found beside usage.csv"); a role replaces a generic one, never the other way round.
 */
export function registerInput(full: string, role?: string): void {
  const key = writeTarget(full);
  if (role !== undefined || !runInputs.has(key)) runInputs.set(key, role ?? "read by this run");
}

/** A new run (tests call `run` many times in one process). */
export function resetRunInputs(): void {
  runInputs.clear();
}

/** A small input as text: at most `limit` bytes, UTF-8, no NUL, not a compressed or binary file. */
export function readTextFile(path: string, cwd: string, limit = SMALL_INPUT_LIMIT): string {
  const full = resolve(cwd, path);
  const size = checkRegularInput(path, full);
  registerInput(full);
  if (size > limit) {
    throw new HedgeError(
      "INPUT_INVALID",
      `${path} is ${size} bytes, more than the ${limit}-byte limit for this kind of input`,
      {
        file: path,
        expected: `at most ${limit} bytes`,
        hint: "is this the right file? curves, contract specs, policies, configs and histories are small text files",
      },
    );
  }
  let fd: number;
  try {
    fd = openSync(full, "r");
  } catch (err) {
    throw readError(path, full, err);
  }
  let bytes: Buffer;
  try {
    // One byte more than the size stat gave: a file that grows while it is read is caught too.
    const buf = Buffer.allocUnsafe(size + 1);
    let at = 0;
    for (;;) {
      const n = readSync(fd, buf, at, buf.length - at, null);
      if (n === 0) break;
      at += n;
      if (at === buf.length) break;
    }
    if (at !== size || fstatSync(fd).size !== size) {
      throw new HedgeError(
        "INPUT_INVALID",
        `${path} changed while it was read (${size} bytes when opened, ${at === buf.length ? "more" : at} bytes read)`,
        {
          file: path,
          hint: "wait until whatever writes the file has finished, then run again",
        },
      );
    }
    bytes = buf.subarray(0, at);
  } catch (err) {
    throw readError(path, full, err);
  } finally {
    closeSync(fd);
  }
  const kind = binaryKind(bytes);
  if (kind) throw binaryError(path, kind, "text file");
  const problem = textProblem(bytes);
  if (problem)
    throw new HedgeError("INPUT_INVALID", problem.message, {
      file: path,
      line: problem.line,
      column: problem.column,
      expected: "UTF-8 text without NUL bytes",
      hint: problem.hint,
    });
  const text = bytes.toString("utf8");
  if (/\.(json|ya?ml)$/i.test(path) || /^\uFEFF?\s*[[{]/.test(text)) {
    const at = excessiveNesting(text);
    if (at >= 0) {
      const pos = lineColumn(bytes, Buffer.byteLength(text.slice(0, at), "utf8"));
      throw new HedgeError("INPUT_INVALID", `nests lists or objects more than ${MAX_NESTING} levels deep`, {
        file: path,
        ...pos,
        expected: `at most ${MAX_NESTING} levels of [ ] and { }`,
        hint: "this is not a tokenhedge input file: curves, specs, policies and configs nest a few levels",
      });
    }
  }
  return text;
}

/** A file whose first bytes say it is not UTF-8 text: what it is, and how to convert it. */
function binaryError(path: string, kind: BinaryKind, what: string, convert = path): HedgeError {
  if (kind.encoding !== undefined) {
    return new HedgeError("INPUT_INVALID", `this is ${kind.what}, not UTF-8`, {
      file: path,
      expected: `a UTF-8 ${what}`,
      hint: utf8Hint(kind.encoding, convert),
    });
  }
  return new HedgeError("INPUT_INVALID", `this is ${kind.what}, not a ${what}`, {
    file: path,
    expected: `a UTF-8 ${what}`,
    hint: kind.hint,
  });
}

/**
 * The magic-byte check on the first decompressed bytes of a `.gz` usage file (a gzipped UTF-16
 * export is named as UTF-16, not met as NUL bytes or a missing column).
 */
export function checkDecompressedStart(file: string, first: Uint8Array): void {
  const kind = binaryKind(first);
  if (kind) throw binaryError(`${file} (decompressed)`, kind, "CSV file", file);
}

/**
 * The text checks of `readTextFile` for a file read in chunks (usage files): the first chunk's
 * magic bytes, then every chunk for NUL and invalid UTF-8 (a native check; the position is worked
 * out only on failure). A multi-byte character split between chunks is carried over.
 */
export class StreamTextGuard {
  private first = true;
  private carry: Uint8Array = new Uint8Array(0);
  private line = 1;
  /** Bytes of the current line seen in earlier chunks. */
  private column0 = 0;

  constructor(private readonly file: string) {}

  push(chunk: Uint8Array): void {
    if (this.first) {
      this.first = false;
      // A .gz name is the reader's to decompress; anything else must be text.
      const kind = /\.gz$/i.test(this.file) ? undefined : binaryKind(chunk);
      if (kind) throw binaryError(this.file, kind, "CSV file");
    }
    const all =
      this.carry.length > 0
        ? Buffer.concat([this.carry, chunk])
        : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length);
    const cut = completeLength(all);
    const body = all.subarray(0, cut);
    if (body.indexOf(0) >= 0 || !isUtf8(body)) this.fail(body);
    this.carry = cut < all.length ? Uint8Array.from(all.subarray(cut)) : new Uint8Array(0);
    let last = -1;
    for (let i = body.indexOf(10); i >= 0; i = body.indexOf(10, i + 1)) {
      this.line++;
      last = i;
    }
    this.column0 = last >= 0 ? body.length - last - 1 : this.column0 + body.length;
  }

  /** End of the file: a multi-byte character cut off by the end is invalid. */
  end(): void {
    if (this.carry.length > 0) this.fail(this.carry, 0);
  }

  private fail(body: Uint8Array, at = firstBadByte(body, false)): never {
    const pos = lineColumn(body, at, this.line);
    const column = pos.line === this.line ? pos.column + this.column0 : pos.column;
    const p = textProblem(body.subarray(at), pos.line)!;
    throw new HedgeError("INPUT_INVALID", p.message, {
      file: this.file,
      line: pos.line,
      column,
      expected: "UTF-8 text without NUL bytes",
      hint: p.hint,
    });
  }
}

/** Temporary files are `.th-PID-RANDOM.tmp` (at most 28 bytes, so any name that fits fits its temp). */
const TEMP_RE = /^\.th-([0-9a-z]+)-[0-9a-f]{8}\.tmp(\.d)?$/;

function tempName(dir: string, suffix = ""): string {
  return join(dir, `.th-${process.pid.toString(36)}-${randomBytes(4).toString("hex")}.tmp${suffix}`);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Remove temp files left in `dir` by killed runs (their process is gone). Best effort. */
export function cleanStaleTemps(dir: string): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const m = TEMP_RE.exec(name);
    if (!m) continue;
    const pid = parseInt(m[1]!, 36);
    if (pid === process.pid || alive(pid)) continue;
    rmSync(join(dir, name), { recursive: true, force: true });
  }
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
    throw new HedgeError("USAGE", `refusing to write over the input file ${outPath} (${role})`, {
      file: outPath,
      hint,
    });
  for (const input of inputs) {
    if (realOrSame(resolve(cwd, input)) === target) {
      throw new HedgeError("USAGE", `refusing to write over the input file ${input}`, { file: outPath, hint });
    }
  }
}

const IO_FAILURES = new Set(["ENOSPC", "EDQUOT", "EIO", "EROFS", "EFBIG", "ENOMEM"]);

/** Disk full, I/O or read-only failures are exit 4; a path the user chose badly is exit 2. */
export function writeError(path: string, err: unknown): HedgeError {
  if (err instanceof HedgeError) return err;
  const code = (err as NodeJS.ErrnoException).code ?? "";
  const message = `cannot write ${path}: ${(err as Error).message}`;
  if (IO_FAILURES.has(code))
    return new HedgeError("IO_ERROR", message, {
      file: path,
      hint:
        code === "EDQUOT" || code === "ENOSPC"
          ? "free some disk space and run again; nothing was written"
          : "nothing was written",
    });
  return new HedgeError("USAGE", message, {
    file: path,
    hint:
      code === "ENAMETOOLONG"
        ? "use a shorter file name"
        : code === "ENOENT"
          ? "create the directory first"
          : "choose a path you can write to",
  });
}

/** Write all of `content` to `fd`, then flush it to the disk. */
function writeAll(fd: number, content: string | Uint8Array): void {
  const buf = typeof content === "string" ? Buffer.from(content, "utf8") : content;
  let at = 0;
  while (at < buf.length) at += writeSync(fd, buf, at, buf.length - at);
  fsyncSync(fd);
}

/** Write `content` to a new file `tmp` with `mode` (exactly: the umask does not apply to a kept mode). */
function writeNew(tmp: string, content: string | Uint8Array, mode: number | undefined): void {
  const fd = openSync(tmp, "wx", mode ?? 0o666);
  try {
    writeAll(fd, content);
    if (mode !== undefined) chmodSync(tmp, mode);
  } finally {
    closeSync(fd);
  }
}

/**
 * Write a whole file or nothing: a short-named temporary file beside the target, flushed, then
 * renamed over the target (atomic on one file system), keeping the replaced file's mode. A symlink
 * is followed to its target; a device or FIFO is written to directly, never replaced; any of
 * `protectedInputs` (resolved through symlinks) is refused.
 */
export function writeFileAtomic(
  path: string,
  content: string,
  cwd: string,
  protectedInputs: readonly string[] = [],
): void {
  const target = writeTarget(resolve(cwd, path));
  guardInputs(path, target, cwd, protectedInputs);
  let st: Stats | undefined;
  try {
    st = statSync(target);
  } catch {
    st = undefined;
  }
  if (st?.isDirectory())
    throw new HedgeError("USAGE", `cannot write ${path}: it is a directory`, { file: path, hint: "give a file name" });
  if (st && kindOf(st) !== undefined) {
    try {
      writeFileSync(target, content, "utf8");
    } catch (err) {
      throw writeError(path, err);
    }
    return;
  }
  const dir = dirname(target);
  cleanStaleTemps(dir);
  const tmp = tempName(dir);
  try {
    writeNew(tmp, content, st ? st.mode & 0o7777 : undefined);
    renameSync(tmp, target);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw writeError(path, err);
  }
}

/**
 * Write a directory of files (names may contain one level of sub-directory, `charts/x.svg`) so it
 * appears complete or not at all. A new directory is built under a temporary name beside it and
 * renamed into place in one step. An existing directory (which may hold other files) gets every
 * file written and flushed into a temporary directory inside it first, then renamed into place:
 * a full disk or a failed write changes nothing, and only the renames (no data) remain to be done.
 */
export function writeDirectoryAtomic(
  dir: string,
  files: Readonly<Record<string, string | Uint8Array>>,
  cwd: string,
  protectedInputs: readonly string[] = [],
): void {
  const full = writeTarget(resolve(cwd, dir));
  const names = Object.keys(files).sort();
  for (const name of names)
    guardInputs(join(dir, name), writeTarget(join(full, name)), cwd, protectedInputs, "choose another --out directory");
  let st: Stats | undefined;
  try {
    st = statSync(full);
  } catch {
    st = undefined;
  }
  if (st && !st.isDirectory())
    throw new HedgeError("USAGE", `--out ${dir} is a file, not a directory`, {
      file: dir,
      hint: "give a directory; it is created if missing",
    });
  const parent = st ? full : dirname(full);
  cleanStaleTemps(parent);
  const tmp = tempName(parent, ".d");
  try {
    for (const name of names) {
      mkdirSync(dirname(join(tmp, name)), { recursive: true });
      writeNew(join(tmp, name), files[name]!, undefined);
    }
    if (!st) {
      renameSync(tmp, full);
      return;
    }
    for (const name of names) {
      const dest = join(full, name);
      mkdirSync(dirname(dest), { recursive: true });
      let mode: number | undefined;
      try {
        const old = statSync(dest);
        if (old.isFile()) mode = old.mode & 0o7777;
      } catch {
        mode = undefined;
      }
      if (mode !== undefined) chmodSync(join(tmp, name), mode);
      renameSync(join(tmp, name), dest);
    }
    rmSync(tmp, { recursive: true, force: true });
  } catch (err) {
    rmSync(tmp, { recursive: true, force: true });
    throw writeError(dir, err);
  }
}
