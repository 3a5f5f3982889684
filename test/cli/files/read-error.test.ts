/**
 * How a failed read becomes an error (src/cli/files/guards.ts readError), the one mapping used by every input
 * reader, the usage reader included: an I/O failure is exit 4, a missing or unreadable file exit 3.
 */
import { describe, expect, it } from "vitest";
import { readError } from "../../../src/cli/files/guards.js";
import { HedgeError } from "../../../src/errors.js";

function errno(code: string, message: string): NodeJS.ErrnoException {
  return Object.assign(new Error(message), { code });
}

describe("readError", () => {
  it("EIO (a failing disk or network file system): exit 4, and a hint to try again", () => {
    const e = readError("usage.csv", "/data/usage.csv", errno("EIO", "EIO: i/o error, read"));
    expect(e.code).toBe("IO_ERROR");
    expect(e.exitCode).toBe(4);
    expect(e.message).toBe("cannot read it (EIO: i/o error, read)");
  });

  it("ENOENT: exit 3, 'no such file', and where it looked", () => {
    const e = readError("usage.csv", "/data/usage.csv", errno("ENOENT", "ENOENT: no such file"));
    expect(e.exitCode).toBe(3);
    expect(e.message).toBe("no such file");
    expect(e.details.hint).toBe("looked in /data");
  });

  it("EACCES: exit 3 with the system's reason, no directory hint", () => {
    const e = readError("usage.csv", "/data/usage.csv", errno("EACCES", "EACCES: permission denied"));
    expect(e.exitCode).toBe(3);
    expect(e.message).toBe("cannot read it (EACCES: permission denied)");
    expect(e.details.hint).toBeUndefined();
  });

  it("a HedgeError passes through unchanged", () => {
    const inner = new HedgeError("INPUT_INVALID", "this is a FIFO (named pipe), not a regular file");
    expect(readError("x", "/x", inner)).toBe(inner);
  });
});
