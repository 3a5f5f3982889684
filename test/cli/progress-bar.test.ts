import { describe, expect, it } from "vitest";
import { bytesProgressBar } from "../../src/cli/progress-bar.js";

/** A fake stderr that records writes; `isTTY` as given. */
function stream(isTTY: boolean): { isTTY: boolean; out: string[]; write(s: string): boolean } {
  const out: string[] = [];
  return { isTTY, out, write: (s: string) => (out.push(s), true) };
}

describe("cli/progress-bar: bytes read", () => {
  it("half of 2 GB after 5 s: 12 of 24 cells, 1.00 GB / 2.00 GB, 200 MB/s; erase-line to wipe", () => {
    let t = 1000;
    const s = stream(true);
    const bar = bytesProgressBar(s, () => t, 2e9, "reading u.csv", 1);
    t = 6000;
    bar.update(1e9);
    t = 6050; // under 100 ms since the last draw: skipped
    bar.update(1.1e9);
    bar.done();
    expect(s.out).toEqual([
      `\rreading u.csv [${"#".repeat(12)}${"-".repeat(12)}]  50%  1.00 GB / 2.00 GB  200 MB/s\u001b[K`,
      "\r\u001b[K",
    ]);
  });

  it("is silent for a file under the threshold", () => {
    const s = stream(true);
    const bar = bytesProgressBar(s, () => 0, 1000, "reading u.csv", 4096);
    bar.update(500);
    bar.done();
    expect(s.out).toEqual([]);
  });
});
