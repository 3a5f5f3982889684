/**
 * The header line of a sample export for `tokenhedge sql --header-from`: streamed, so a multi-gigabyte or gzip
 * file is not read whole, and parsed with the delimiter the ingest engine would detect.
 */
import { createReadStream } from "node:fs";
import { resolve } from "node:path";
import { createGunzip } from "node:zlib";
import { parse } from "csv-parse/sync";
import { checkRegularInput, readError } from "./files/guards.js";
import { HedgeError } from "../errors.js";
import { detectDelimiter } from "../ingest/reading/engine.js";
import type { RunContext } from "./commands/shared.js";

/** The column names of `file`'s first line. */
export async function readHeader(ctx: RunContext, file: string): Promise<string[]> {
  const full = resolve(ctx.cwd, file);
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    // A FIFO would never open without a writer, and /dev/zero has no header line to end.
    checkRegularInput(file, full, "CSV or .csv.gz export");
    const raw = createReadStream(full, { highWaterMark: 1 << 16 });
    const stream = /\.gz$/i.test(file) ? raw.pipe(createGunzip()) : raw;
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      chunks.push(chunk);
      size += chunk.length;
      if (chunk.includes(10) || size > 1 << 20) break;
    }
    raw.destroy();
  } catch (err) {
    // The same exit code as any other input (missing 3, I/O failure 4); the message says which flag named the file.
    const failure = readError(file, full, err);
    throw new HedgeError(failure.code, `--header-from: ${failure.message}`, {
      ...failure.details,
      expected: "a readable CSV or .csv.gz export",
    });
  }
  const text = Buffer.concat(chunks)
    .toString("utf8")
    .replace(/^\ufeff/, "");
  const line = text.split(/\r?\n/)[0] ?? "";
  const rows = parse(line, { delimiter: detectDelimiter(Buffer.from(line)), relax_quotes: true }) as string[][];
  const header = rows[0] ?? [];
  if (header.length === 0)
    throw new HedgeError("USAGE", `--header-from: ${file} has no header line`, {
      file,
      expected: "a CSV export with a header",
    });
  return header;
}
