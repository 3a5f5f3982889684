/**
 * Reading a large usage file with worker threads: the bytes after the header are cut into newline-aligned
 * ranges, the main thread reads the first (its errors are already exact: it is the start of a sequential read)
 * and one worker per further range (ingest-worker.ts) reads the others through the same engine; the partial
 * results are merged in file order (src/ingest/reading/merge.ts), so the series equals a sequential read's byte for byte.
 *
 * A cut may fall inside a quoted field that holds a line break. Each range is read as if it started a record;
 * the range before it then proves it: it must end exactly on a record boundary. If one does not, or a range
 * fails (bad data, a row error), or the result depends on rows before a range (a/b/yyyy day-month order, the
 * duplicate check still recording keys at the first cut), the workers are stopped and the first range's engine
 * reads on through the rest of the file: a sequential read, with its exact answer or error (line numbers
 * included). `--dedupe` (whose duplicate check covers millions of rows) always reads sequentially.
 *
 * On for files of 64 MB or more on a machine with more than one core; TOKENHEDGE_THREADS sets it (see threadsFor).
 * Ctrl-C ends the process, workers included, with nothing written (exit 130), as with the sequential reader.
 */
import { existsSync } from "node:fs";
import { open } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { HedgeError } from "../errors.js";
import { UsageIngestor } from "../ingest/reading/engine.js";
import type { IngestPart } from "../ingest/reading/merge.js";
import type { IngestOptions } from "../ingest/reading/options.js";
import { SNIFF_BYTES } from "../ingest/reading/sniff.js";
import type { UsageSeries } from "../ingest/types.js";
import type { IoContext } from "./context.js";
import { StreamTextGuard } from "./files.js";
import type { ProgressBar } from "./progress-bar.js";
import type { RangeJob } from "./ingest-worker.js";

const CHUNK = 1 << 20;
/** Below this size a sequential read is quick, and starting threads is not worth it. */
export const PARALLEL_MIN_BYTES = 64 << 20;
/** Each thread costs a V8 isolate (tens of MB): more than four would break the memory budget for little gain. */
const MAX_THREADS = 4;

const WORKER = new URL("./ingest-worker.js", import.meta.url);

/**
 * How many threads to read a file of `size` bytes with (1: sequential). By default (TOKENHEDGE_THREADS unset or
 * `auto`) files of 64 MB or more get one thread per core, up to four: on the bench's 2-core machine two threads read
 * its 300 MB log in about two thirds of one thread's time, idle or with other work on the cores, for about a tenth
 * more CPU (bench/ingest/README.md). `1` reads in one thread; N ≥ 2 uses N threads at any size.
 */
export function threadsFor(ctx: IoContext, size: number, options: IngestOptions): number {
  const asked = (ctx.env.TOKENHEDGE_THREADS ?? "").trim().toLowerCase();
  const n = Number(asked);
  if (asked !== "" && asked !== "auto" && !(Number.isInteger(n) && n >= 1)) {
    throw new HedgeError("USAGE", `TOKENHEDGE_THREADS must be auto or a whole number ≥ 1`, {
      value: ctx.env.TOKENHEDGE_THREADS!,
      expected: "auto (the default: threads for files of 64 MB or more), 1 (one thread) or N threads up to 16",
      hint: "unset TOKENHEDGE_THREADS for the default, or set it to 1 to read in one thread",
    });
  }
  if (options.dedupe === true) return 1;
  // The worker is compiled JavaScript: from the TypeScript sources (tests) there is none to start.
  if (!existsSync(fileURLToPath(WORKER))) return 1;
  if (asked === "" || asked === "auto")
    return size < PARALLEL_MIN_BYTES ? 1 : Math.max(1, Math.min(availableParallelism(), MAX_THREADS));
  return Math.min(n, 16);
}

/** Start offsets of `n` ranges over [dataStart, size), each just after a line feed (fewer when lines are long). */
async function cuts(
  fh: Awaited<ReturnType<typeof open>>,
  dataStart: number,
  size: number,
  n: number,
): Promise<number[]> {
  const starts = [dataStart];
  const probe = Buffer.allocUnsafe(64 * 1024);
  for (let i = 1; i < n; i++) {
    let pos = Math.max(starts[starts.length - 1]!, dataStart + Math.floor(((size - dataStart) * i) / n));
    for (;;) {
      const { bytesRead } = await fh.read(probe, 0, probe.length, pos);
      if (bytesRead === 0) return starts;
      const nl = probe.subarray(0, bytesRead).indexOf(10);
      if (nl >= 0) {
        pos += nl + 1;
        break;
      }
      pos += bytesRead;
    }
    if (pos >= size) break;
    if (pos > starts[starts.length - 1]!) starts.push(pos);
  }
  return starts;
}

function startWorker(job: RangeJob): { worker: Worker; done: Promise<IngestPart | undefined> } {
  const worker = new Worker(WORKER, { workerData: job });
  const done = new Promise<IngestPart | undefined>((resolve) => {
    worker.once("message", (m: { part?: IngestPart }) => resolve(m.part));
    worker.on("error", () => resolve(undefined)); // `on`: a second error after terminate must not go unhandled
    worker.once("exit", () => resolve(undefined));
  });
  return { worker, done };
}

/**
 * Read `full` with `threads` threads. Data errors are thrown as a sequential read throws them; undefined only
 * when the threads could not even start on the file (too small to cut, lone-CR line ends, a short read): the
 * caller then reads it sequentially.
 */
export async function readUsageParallel(
  file: string,
  full: string,
  size: number,
  options: IngestOptions,
  threads: number,
  bar: ProgressBar,
): Promise<UsageSeries | undefined> {
  const fh = await open(full, "r");
  const workers: Worker[] = [];
  try {
    const head = Buffer.allocUnsafe(Math.min(CHUNK, size));
    const { bytesRead } = await fh.read(head, 0, head.length, 0);
    if (bytesRead !== head.length) return undefined;
    const ing = new UsageIngestor(options);
    const final = head.length < SNIFF_BYTES;
    const dataStart = ing.configureRange(head, final, true);
    if (dataStart < 0) return undefined;
    const starts = await cuts(fh, dataStart, size, threads);
    if (starts.length < 2) return undefined;
    const ends = [...starts.slice(1), size];
    const later = { ...options, dedupeSlots: 0 };
    const jobs = starts.slice(1).map((start, i) =>
      startWorker({
        full,
        options: later,
        headLength: head.length,
        start,
        end: ends[i + 1]!,
        last: i + 2 === starts.length,
      }),
    );
    for (const j of jobs) workers.push(j.worker);

    // The first range, read here: [dataStart, first cut), two buffers alternating as in the sequential reader.
    // The text guard sees [0, first cut) once, starting with the same first chunk as in a sequential read.
    const guard = new StreamTextGuard(file);
    let guarded = Math.min(head.length, ends[0]!);
    guard.push(head.subarray(0, guarded));
    const end0 = ends[0]!;
    const buffers = [Buffer.allocUnsafe(CHUNK), Buffer.allocUnsafe(CHUNK)];
    let which = 0;
    let pos = dataStart;
    const next = (at: number) => fh.read(buffers[which]!, 0, Math.min(CHUNK, end0 - at), at);
    let pending = pos < end0 ? next(pos) : undefined;
    try {
      while (pending) {
        const { bytesRead: n } = await pending;
        if (n === 0) return undefined;
        const current = buffers[which]!;
        pos += n;
        which ^= 1;
        pending = pos < end0 ? next(pos) : undefined;
        if (pos > guarded) {
          guard.push(current.subarray(Math.max(0, n - (pos - guarded)), n));
          guarded = pos;
        }
        ing.push(current.subarray(0, n));
        bar.update(Math.min(size, (pos - dataStart) * starts.length));
      }
    } finally {
      await pending?.catch(() => undefined);
    }
    if (ing.mergeable) {
      const parts = await Promise.all(jobs.map((j) => j.done));
      if (parts.every((p) => p !== undefined)) {
        const series = ing.finishRanges(parts as IngestPart[]);
        if (series) return series;
      }
    }
    // The ranges cannot be merged exactly: stop the workers and read on from the first cut in this thread. The
    // first range was the start of a sequential read, so this is one, with its exact answer or error.
    await Promise.all(workers.map((w) => w.terminate()));
    for (pos = end0; pos < size;) {
      const { bytesRead: n } = await fh.read(buffers[0]!, 0, Math.min(CHUNK, size - pos), pos);
      if (n === 0) break;
      pos += n;
      guard.push(buffers[0]!.subarray(0, n));
      ing.push(buffers[0]!.subarray(0, n));
      bar.update(pos);
    }
    guard.end();
    return ing.finish();
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
    await fh.close();
  }
}
