/**
 * A worker thread of the parallel reader (ingest-parallel.ts): reads one newline-aligned byte range of a usage
 * file through the same engine, configured from the same first chunk a sequential read sniffs, and posts its
 * partial result (src/ingest/reading/merge.ts) back. Any failure is posted as a message: the main thread then reads
 * the file sequentially, which reports the exact error with its line number.
 */
import { closeSync, openSync, readSync } from "node:fs";
import { parentPort, workerData } from "node:worker_threads";
import { UsageIngestor } from "../ingest/reading/engine.js";
import type { IngestOptions } from "../ingest/reading/options.js";
import { SNIFF_BYTES } from "../ingest/reading/sniff.js";
import { StreamTextGuard } from "./files.js";

export interface RangeJob {
  full: string;
  options: IngestOptions;
  headLength: number;
  start: number;
  end: number;
  last: boolean;
}

const CHUNK = 1 << 20;

function readRange(job: RangeJob): unknown {
  const fd = openSync(job.full, "r");
  try {
    const head = Buffer.allocUnsafe(job.headLength);
    let got = 0;
    while (got < head.length) {
      const n = readSync(fd, head, got, head.length - got, got);
      if (n === 0) throw new Error("file shrank while read");
      got += n;
    }
    const ing = new UsageIngestor(job.options);
    ing.configureRange(head, head.length < SNIFF_BYTES, false);
    const guard = new StreamTextGuard(job.options.file);
    const buf = Buffer.allocUnsafe(CHUNK);
    for (let pos = job.start; pos < job.end;) {
      const n = readSync(fd, buf, 0, Math.min(CHUNK, job.end - pos), pos);
      if (n === 0) throw new Error("file shrank while read");
      guard.push(buf.subarray(0, n));
      ing.push(buf.subarray(0, n));
      pos += n;
    }
    if (job.last) guard.end();
    return { part: ing.endRange(job.last) };
  } finally {
    closeSync(fd);
  }
}

try {
  parentPort!.postMessage(readRange(workerData as RangeJob));
} catch (e) {
  parentPort!.postMessage({ error: e instanceof Error ? e.message : String(e) });
}
