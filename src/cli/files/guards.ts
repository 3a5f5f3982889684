/**
 * The refusals of what is not a regular UTF-8 text file: a directory, a FIFO, a device or a socket
 * (checked on the path before anything is opened), and a binary, compressed or UTF-16 file or one
 * with NUL bytes or invalid UTF-8 (checked on its bytes, whole or chunk by chunk). Also the error a
 * failed read becomes. The guarantees are listed in docs/reliability.md.
 */
import { statSync, type Stats } from "node:fs";
import { isUtf8 } from "node:buffer";
import { dirname } from "node:path";
import { HedgeError } from "../../errors.js";
import {
  binaryKind,
  completeLength,
  utf8Hint,
  type BinaryKind,
  firstBadByte,
  lineColumn,
  textProblem,
} from "../../csv/text-checks.js";

/** What a special file is (a FIFO, a device, a socket); undefined for a regular file or a directory. */
export function kindOf(st: Stats): string | undefined {
  if (st.isFIFO()) return "a FIFO (named pipe)";
  if (st.isCharacterDevice()) return "a character device";
  if (st.isBlockDevice()) return "a block device";
  if (st.isSocket()) return "a socket";
  return undefined;
}

/** A failed read as a HedgeError: an I/O failure is exit 4, a missing or unreadable file exit 3. */
export function readError(path: string, full: string, err: unknown): HedgeError {
  if (err instanceof HedgeError) return err;
  const code = (err as NodeJS.ErrnoException).code;
  if (code === "EIO")
    return new HedgeError("IO_ERROR", `cannot read it (${(err as Error).message})`, {
      file: path,
      hint: "the disk or the network file system failed; try again",
    });
  return notFoundError(path, full, err);
}

/** A file that is missing or cannot be opened (exit 3); a missing one names the folder looked in. */
export function notFoundError(path: string, full: string, err: unknown): HedgeError {
  const code = (err as NodeJS.ErrnoException).code;
  return new HedgeError(
    "INPUT_NOT_FOUND",
    code === "ENOENT" ? "no such file" : `cannot read it (${(err as Error).message})`,
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

/** A file whose first bytes say it is not UTF-8 text: what it is, and how to convert it. */
export function binaryError(path: string, kind: BinaryKind, what: string, convert = path): HedgeError {
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
