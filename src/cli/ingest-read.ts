/**
 * Reading a usage file for the ingest engine: the bytes are streamed in 1 MiB chunks into the pure
 * core (src/ingest/reading/engine.ts), so a multi-gigabyte per-request log never sits in memory. Also
 * finds the mapping file (`--mapping FILE`, or `USAGE.csv.map.yaml` beside the data) and draws a
 * progress bar on stderr when stderr is a terminal.
 */
import {
  closeSync,
  createReadStream,
  existsSync,
  fstatSync,
  openSync,
  readFileSync,
  readSync,
  statSync,
} from "node:fs";
import { checkDecompressedStart, checkRegularInput, readTextFile, registerInput, StreamTextGuard } from "./files.js";
import { readError } from "./files/guards.js";
import { open, type FileHandle } from "node:fs/promises";
import { resolve } from "node:path";
import { createHash } from "node:crypto";
import { createGunzip, gunzipSync } from "node:zlib";
import { HedgeError } from "../errors.js";
import { UsageIngestor } from "../ingest/reading/engine.js";
import type { IngestOptions } from "../ingest/reading/options.js";
import { parseMappingText } from "../ingest/mapping/load.js";
import type { MappingSpec } from "../ingest/mapping/schema.js";
import type { UsageSeries } from "../ingest/types.js";
import type { IoContext } from "./context.js";
import { readUsageParallel, threadsFor } from "./ingest-parallel.js";
import { bytesProgressBar, progressStream, type ProgressBar } from "./progress-bar.js";

const CHUNK = 1 << 20;

function checkFile(path: string, full: string): number {
  const size = checkRegularInput(path, full, "usage file");
  registerInput(full);
  return size;
}

/** A file that shrank or grew while it was read gives a partial answer: refuse it. */
function checkUnchanged(file: string, sizeAtOpen: number, read: number, sizeNow: number): void {
  if (read === sizeAtOpen && sizeNow === sizeAtOpen) return;
  throw new HedgeError(
    "INPUT_INVALID",
    `${file} changed while it was read (${sizeAtOpen} bytes when opened, ${read} bytes read)`,
    {
      file,
      hint: "wait until whatever writes the file has finished (or copy it), then run again",
    },
  );
}

/** The mapping in force: `--mapping FILE`, else `USAGE.csv.map.yaml|yml|json` beside the file, else none. */
export function resolveMapping(
  ctx: IoContext,
  file: string,
  mappingFlag?: string,
): { mapping: MappingSpec; source: string } | undefined {
  let source = mappingFlag;
  if (source === undefined) {
    for (const ext of [".map.yaml", ".map.yml", ".map.json"]) {
      if (existsSync(resolve(ctx.cwd, file + ext))) {
        source = file + ext;
        break;
      }
    }
  }
  if (source === undefined) return undefined;
  let text: string;
  try {
    text = readTextFile(source, ctx.cwd);
    registerInput(
      resolve(ctx.cwd, source),
      mappingFlag !== undefined ? "the --mapping file" : `the mapping found beside ${file}`,
    );
  } catch (err) {
    // A missing mapping file is a usage error (the flag is wrong), not bad data.
    if (err instanceof HedgeError && err.code === "INPUT_NOT_FOUND")
      throw new HedgeError("USAGE", `--mapping: ${err.message}`, err.details);
    throw err;
  }
  return { mapping: parseMappingText(text, source), source };
}

/** A gzip export (`.csv.gz`, as AWS Data Exports and Azure exports write them). */
export function isGzip(file: string): boolean {
  return /\.gz$/i.test(file);
}

function gzipError(file: string, err: unknown): HedgeError {
  return new HedgeError("INPUT_INVALID", `${file} is not readable gzip data: ${(err as Error).message}`, {
    file,
    expected: "a gzip-compressed CSV",
    hint: "a truncated download? re-download the export, or drop the .gz suffix if the file is not compressed",
  });
}

/** Read a usage file synchronously in chunks (for commands whose pipeline is synchronous). */
export function readUsageSync(ctx: IoContext, file: string, options: IngestOptions): UsageSeries {
  const full = resolve(ctx.cwd, file);
  checkFile(file, full);
  const ing = new UsageIngestor(options);
  if (isGzip(file)) {
    // Node has no synchronous streaming gunzip: the sync readers decompress in memory (capped);
    // `tokenhedge ingest` streams a .csv.gz with bounded memory.
    let bytes: Buffer;
    try {
      bytes = gunzipSync(readFileSync(full), { maxOutputLength: 1 << 30 });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") {
        throw new HedgeError("INPUT_INVALID", `${file} decompresses to more than 1 GiB`, {
          file,
          expected: "a smaller gzip export here",
          hint: "run `tokenhedge ingest` on it (streamed) or aggregate it first with `tokenhedge sql`",
        });
      }
      throw gzipError(file, err);
    }
    checkDecompressedStart(file, bytes.subarray(0, 512));
    for (let at = 0; at < bytes.length; at += CHUNK) ing.push(bytes.subarray(at, Math.min(bytes.length, at + CHUNK)));
    return ing.finish();
  }
  let fd: number;
  try {
    fd = openSync(full, "r");
  } catch (err) {
    throw readError(file, full, err);
  }
  try {
    const size = fstatSync(fd).size;
    const bar = bytesProgressBar(progressStream(ctx), Date.now, size, `reading ${file}`, 32 * CHUNK);
    const buf = Buffer.allocUnsafe(CHUNK);
    const guard = new StreamTextGuard(file);
    for (;;) {
      const n = readSync(fd, buf, 0, CHUNK, null);
      if (n === 0) break;
      guard.push(buf.subarray(0, n));
      ing.push(buf.subarray(0, n));
      bar.update(ing.bytesRead);
    }
    guard.end();
    bar.done();
    checkUnchanged(file, size, ing.bytesRead, fstatSync(fd).size);
  } finally {
    closeSync(fd);
  }
  return ing.finish();
}

/**
 * Read a usage file as a stream (the `ingest` command), with a progress bar on a terminal. Two
 * reused 1 MiB buffers alternate: while the engine scans one chunk, the next is being read, and
 * no per-chunk buffer is allocated (a gigabyte would otherwise churn a thousand of them).
 */
export async function readUsageStream(ctx: IoContext, file: string, options: IngestOptions): Promise<UsageSeries> {
  const full = resolve(ctx.cwd, file);
  const size = checkFile(file, full);
  const ing = new UsageIngestor(options);
  const bar = bytesProgressBar(progressStream(ctx), Date.now, size, `reading ${file}`, 32 * CHUNK);
  if (isGzip(file)) return readGzipStream(file, full, ing, bar);
  const threads = threadsFor(ctx, size, options);
  if (threads > 1) {
    const series = await readUsageParallel(file, full, size, options, threads, bar).catch((err: unknown) => {
      if (err instanceof HedgeError) throw err;
      return undefined; // a thread that could not start, an I/O hiccup: the sequential read below reports it
    });
    if (series) {
      bar.done();
      checkUnchanged(file, size, size, statSync(full).size);
      return series;
    }
  }
  let fh: FileHandle;
  try {
    fh = await open(full, "r");
  } catch (err) {
    throw readError(file, full, err);
  }
  const buffers = [Buffer.allocUnsafe(CHUNK), Buffer.allocUnsafe(CHUNK)];
  let pending: Promise<{ bytesRead: number }> | undefined;
  try {
    let which = 0;
    const guard = new StreamTextGuard(file);
    pending = fh.read(buffers[0]!, 0, CHUNK, null);
    for (;;) {
      const { bytesRead } = await pending;
      if (bytesRead === 0) break;
      const current = buffers[which]!;
      which ^= 1;
      pending = fh.read(buffers[which]!, 0, CHUNK, null);
      guard.push(current.subarray(0, bytesRead));
      ing.push(current.subarray(0, bytesRead));
      bar.update(ing.bytesRead);
    }
    guard.end();
  } catch (err) {
    bar.done();
    // File-system errors carry an errno code; data errors are already HedgeErrors.
    if (!(err instanceof HedgeError) && typeof (err as NodeJS.ErrnoException).code === "string")
      throw readError(file, full, err);
    throw err;
  } finally {
    // A read may still be in flight when the engine stopped on bad data: let it settle first.
    await pending?.catch(() => undefined);
    await fh.close();
  }
  bar.done();
  checkUnchanged(file, size, ing.bytesRead, size);
  return ing.finish();
}

/** A .csv.gz streamed through zlib into the engine: memory is zlib's window and one chunk, whatever the size. */
async function readGzipStream(file: string, full: string, ing: UsageIngestor, bar: ProgressBar): Promise<UsageSeries> {
  const raw = createReadStream(full, { highWaterMark: CHUNK });
  const gunzip = createGunzip({ chunkSize: CHUNK });
  raw.on("error", (err) => gunzip.destroy(err));
  raw.pipe(gunzip);
  try {
    let first = true;
    for await (const chunk of gunzip as AsyncIterable<Buffer>) {
      if (first) checkDecompressedStart(file, chunk.subarray(0, 512));
      first = false;
      ing.push(chunk);
      bar.update(raw.bytesRead);
    }
  } catch (err) {
    if (err instanceof HedgeError) throw err;
    const e = err as NodeJS.ErrnoException;
    // zlib's errors carry Z_ codes (Z_DATA_ERROR: not gzip; Z_BUF_ERROR: truncated).
    if (e.code?.startsWith("Z_")) throw gzipError(file, err);
    throw readError(file, full, err);
  } finally {
    raw.destroy();
    gunzip.destroy();
    bar.done();
  }
  return ing.finish();
}

/**
 * Read usage from standard input (`-`), streamed like a file: bounded memory whatever its size, the same
 * binary-data guard, gzip recognised by its magic bytes. Returns the series and the bytes' SHA-256 (for the
 * audit, since standard input cannot be read again to hash it).
 */
export async function readUsageStdin(
  ctx: IoContext,
  options: IngestOptions,
): Promise<{ series: UsageSeries; sha256: string; bytes: number }> {
  const source = ctx.stdin ?? process.stdin;
  const hash = createHash("sha256");
  let bytes = 0;
  const ing = new UsageIngestor(options);
  const guard = new StreamTextGuard(options.file);
  let gunzip: ReturnType<typeof createGunzip> | undefined;
  let decoded: Promise<void> | undefined;
  let first = true;
  try {
    for await (const raw of source) {
      const chunk = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
      hash.update(chunk);
      bytes += chunk.length;
      if (first && chunk[0] === 0x1f && chunk[1] === 0x8b) {
        gunzip = createGunzip({ chunkSize: CHUNK });
        const g = gunzip;
        decoded = (async () => {
          let start = true;
          for await (const out of g as AsyncIterable<Buffer>) {
            if (start) checkDecompressedStart(options.file, out.subarray(0, 512));
            start = false;
            ing.push(out);
          }
        })();
        decoded.catch(() => undefined); // awaited below; a bad chunk must not be an unhandled rejection meanwhile
      }
      first = false;
      if (gunzip) {
        // Backpressure: wait for zlib to drain, or for the decoder to fail on bad data.
        if (!gunzip.write(chunk)) await Promise.race([new Promise((r) => gunzip!.once("drain", r)), decoded]);
      } else {
        guard.push(chunk);
        ing.push(chunk);
      }
    }
    if (gunzip) {
      gunzip.end();
      await decoded;
    } else guard.end();
  } catch (err) {
    gunzip?.destroy();
    if (err instanceof HedgeError) throw err;
    const e = err as NodeJS.ErrnoException;
    if (e.code?.startsWith("Z_")) throw gzipError(options.file, err);
    throw new HedgeError("INPUT_NOT_FOUND", `cannot read standard input: ${e.message}`, {
      file: options.file,
      expected: "usage data piped in",
    });
  }
  if (bytes === 0)
    throw new HedgeError("INPUT_EMPTY", "standard input is empty", {
      file: options.file,
      expected: "a usage export piped in, e.g. cat usage.csv | tokenhedge ingest -",
    });
  return { series: ing.finish(), sha256: hash.digest("hex"), bytes };
}
