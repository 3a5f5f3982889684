/**
 * Is this text? Magic bytes name the files people hand a CSV reader by mistake (a gzip or zip
 * archive, Parquet, UTF-16/32 text, arbitrary binary), and a text check finds the first invalid
 * UTF-8 sequence or NUL byte with its line and column, so the error says where and what to do.
 */

export interface BinaryKind {
  what: string;
  hint: string;
  /** For text in another Unicode encoding: its iconv name (UTF-16LE, UTF-32BE, …). */
  encoding?: string;
}

function starts(b: Uint8Array, ...sig: number[]): boolean {
  if (b.length < sig.length) return false;
  for (let i = 0; i < sig.length; i++) if (b[i] !== sig[i]) return false;
  return true;
}

/** `usage.csv` → `usage.utf8.csv` (the converted copy's name in the hint). */
function utf8Name(file: string): string {
  const m = /^(.*[^/.])(\.[^./]+)$/.exec(file);
  return m ? `${m[1]}.utf8${m[2]}` : `${file}.utf8`;
}

/** Shell-safe enough for a hint: a name with spaces or quotes is single-quoted. */
function shellWord(s: string): string {
  return /^[\w./@%+=:,-]+$/.test(s) ? s : `'${s.replace(/'/g, "'\\''")}'`;
}

/** The hint for UTF-16/UTF-32 text: the iconv line that converts `file` (the name the user gave, so it can be pasted). */
export function utf8Hint(encoding: string, file: string): string {
  const gz = /\.gz$/i.test(file);
  const plain = file.replace(/\.gz$/i, "");
  const from = gz
    ? `gunzip -c ${shellWord(file)} | iconv -f ${encoding} -t UTF-8`
    : `iconv -f ${encoding} -t UTF-8 ${shellWord(file)}`;
  return `save it as UTF-8, e.g. ${from} > ${shellWord(utf8Name(plain))}`;
}

function unicode(encoding: string, bom?: string): BinaryKind {
  return {
    what: `${encoding} text (${bom !== undefined ? `byte-order mark ${bom}` : "no byte-order mark"})`,
    hint: utf8Hint(encoding, "FILE"),
    encoding,
  };
}

/**
 * UTF-16 or UTF-32 without a byte-order mark, from where the zero bytes fall in the first bytes:
 * ASCII text in UTF-16LE has a zero at every odd offset, in UTF-32LE at three offsets of four.
 */
function unmarkedUnicode(b: Uint8Array, n: number): BinaryKind | undefined {
  const zeros = [0, 0, 0, 0];
  for (let i = 0; i < n; i++) if (b[i] === 0) zeros[i % 4]!++;
  const quarter = Math.floor(n / 4);
  // Most positions: a few non-ASCII characters (é is E9 00 00 00, but 😀 is 00 F6 01 00) are allowed.
  const all = (k: number): boolean => zeros[k]! >= quarter * 0.75;
  const none = (k: number): boolean => zeros[k]! < quarter * 0.25;
  if (n >= 8) {
    if (none(0) && all(1) && all(2) && all(3)) return unicode("UTF-32LE");
    if (all(0) && all(1) && all(2) && none(3)) return unicode("UTF-32BE");
  }
  const even = zeros[0]! + zeros[2]!;
  const odd = zeros[1]! + zeros[3]!;
  if (even > n / 4 && odd === 0) return unicode("UTF-16BE");
  if (odd > n / 4 && even === 0) return unicode("UTF-16LE");
  return undefined;
}

/** What the first bytes say the file is, or undefined for (possibly) text. */
export function binaryKind(b: Uint8Array): BinaryKind | undefined {
  if (starts(b, 0x1f, 0x8b))
    return {
      what: "a gzip-compressed file",
      hint: "decompress it first (gunzip -k FILE) and pass the uncompressed file",
    };
  if (starts(b, 0x50, 0x4b, 0x03, 0x04) || starts(b, 0x50, 0x4b, 0x05, 0x06))
    return {
      what: "a zip archive (or an .xlsx workbook)",
      hint: "unzip it, or save the sheet as CSV, and pass the CSV file",
    };
  if (starts(b, 0x50, 0x41, 0x52, 0x31))
    return {
      what: "a Parquet file",
      hint: "export it as CSV (e.g. duckdb -c \"COPY (FROM 'FILE.parquet') TO 'FILE.csv'\") and pass the CSV file",
    };
  if (starts(b, 0x28, 0xb5, 0x2f, 0xfd))
    return {
      what: "a zstd-compressed file",
      hint: "decompress it first (zstd -d FILE) and pass the uncompressed file",
    };
  if (starts(b, 0x42, 0x5a, 0x68))
    return {
      what: "a bzip2-compressed file",
      hint: "decompress it first (bunzip2 -k FILE) and pass the uncompressed file",
    };
  if (starts(b, 0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00))
    return { what: "an xz-compressed file", hint: "decompress it first (xz -dk FILE) and pass the uncompressed file" };
  // The UTF-32LE mark begins with the UTF-16LE one: test the longer first.
  if (starts(b, 0xff, 0xfe, 0x00, 0x00)) return unicode("UTF-32LE", "FF FE 00 00");
  if (starts(b, 0x00, 0x00, 0xfe, 0xff)) return unicode("UTF-32BE", "00 00 FE FF");
  if (starts(b, 0xff, 0xfe)) return unicode("UTF-16LE", "FF FE");
  if (starts(b, 0xfe, 0xff)) return unicode("UTF-16BE", "FE FF");
  const n = Math.min(b.length, 512);
  if (n >= 4) {
    const marked = unmarkedUnicode(b, n);
    if (marked) return marked;
    let control = 0;
    for (let i = 0; i < n; i++) {
      const c = b[i]!;
      if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) control++;
    }
    if (control > n / 10) return { what: "binary data", hint: "pass a CSV, YAML or JSON text file" };
  }
  return undefined;
}

export interface TextProblem {
  message: string;
  line: number;
  column: number;
  hint: string;
}

/** Line and column (1-based, in bytes) of byte offset `at`, counting LF, CRLF and lone CR as line ends. */
export function lineColumn(b: Uint8Array, at: number, startLine = 1): { line: number; column: number } {
  let line = startLine;
  let lineStart = 0;
  for (let i = 0; i < at; i++) {
    const c = b[i]!;
    if (c === 10 || (c === 13 && b[i + 1] !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: at - lineStart + 1 };
}

/** Length of the valid UTF-8 sequence at `i`, or 0 when the bytes there are not valid UTF-8. */
function utf8Length(b: Uint8Array, i: number): number {
  const c = b[i]!;
  const cont = (k: number): boolean => i + k < b.length && (b[i + k]! & 0xc0) === 0x80;
  if (c < 0x80) return 1;
  if (c >= 0xc2 && c <= 0xdf) return cont(1) ? 2 : 0;
  if (c >= 0xe0 && c <= 0xef) {
    if (!cont(1) || !cont(2)) return 0;
    const c1 = b[i + 1]!;
    if (c === 0xe0 && c1 < 0xa0) return 0; // overlong
    if (c === 0xed && c1 >= 0xa0) return 0; // surrogate
    return 3;
  }
  if (c >= 0xf0 && c <= 0xf4) {
    if (!cont(1) || !cont(2) || !cont(3)) return 0;
    const c1 = b[i + 1]!;
    if (c === 0xf0 && c1 < 0x90) return 0;
    if (c === 0xf4 && c1 >= 0x90) return 0;
    return 4;
  }
  return 0;
}

/** The first NUL byte or invalid UTF-8 sequence in `b` (whose first line is `startLine`), or undefined. */
export function textProblem(b: Uint8Array, startLine = 1, partialEnd = false): TextProblem | undefined {
  const at = firstBadByte(b, partialEnd);
  if (at < 0) return undefined;
  const { line, column } = lineColumn(b, at, startLine);
  if (b[at] === 0)
    return {
      message: "a NUL byte (binary data in a text file)",
      line,
      column,
      hint: "the file is damaged or not text; export it again",
    };
  return {
    message: `invalid UTF-8 (byte 0x${b[at]!.toString(16).padStart(2, "0")})`,
    line,
    column,
    hint: "the file is in another encoding: re-encode it as UTF-8 (iconv -f WINDOWS-1252 -t UTF-8 FILE > FILE.utf8) and pass that file",
  };
}

/**
 * Offset of the first NUL or invalid UTF-8 byte, or −1. With `partialEnd`, a multi-byte sequence
 * cut off by the end of `b` is not counted (the next chunk may complete it; `completeLength`
 * says where it starts).
 */
export function firstBadByte(b: Uint8Array, partialEnd: boolean): number {
  for (let i = 0; i < b.length;) {
    const c = b[i]!;
    if (c !== 0 && c < 0x80) {
      i++;
      continue;
    }
    if (c === 0) return i;
    const n = utf8Length(b, i);
    if (n === 0) {
      if (partialEnd && b.length - i < 4 && incompleteTail(b, i)) return -1;
      return i;
    }
    i += n;
  }
  return -1;
}

/** Bytes from `i` to the end are the valid beginning of a multi-byte sequence. */
function incompleteTail(b: Uint8Array, i: number): boolean {
  const c = b[i]!;
  const need = c >= 0xf0 && c <= 0xf4 ? 4 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xc2 && c <= 0xdf ? 2 : 0;
  if (need === 0 || b.length - i >= need) return false;
  for (let k = i + 1; k < b.length; k++) if ((b[k]! & 0xc0) !== 0x80) return false;
  return true;
}

/** Where an incomplete trailing multi-byte sequence starts (b.length when there is none). */
export function completeLength(b: Uint8Array): number {
  for (let i = Math.max(0, b.length - 3); i < b.length; i++) if (b[i]! >= 0xc0 && incompleteTail(b, i)) return i;
  return b.length;
}

/** Deeper than this, a JSON or YAML document is an attack or a mistake (real inputs nest 4 levels). */
export const MAX_NESTING = 64;

/**
 * Offset where `[`/`{` nesting first passes `MAX_NESTING` (outside strings), or −1. Checked on the
 * text before any parser runs, so a deeply nested document never reaches a recursive parser or
 * validator (whose stack it would exhaust).
 */
export function excessiveNesting(text: string): number {
  let depth = 0;
  let quote = "";
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote !== "") {
      if (c === "\\" && quote === '"') i++;
      else if (c === quote) quote = "";
      continue;
    }
    if (c === '"') quote = c;
    else if (c === "[" || c === "{") {
      if (++depth > MAX_NESTING) return i;
    } else if (c === "]" || c === "}") depth = Math.max(0, depth - 1);
  }
  return -1;
}
