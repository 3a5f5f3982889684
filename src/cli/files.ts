/**
 * File access for commands, one job per module in files/: guards.ts refuses what is not a regular
 * UTF-8 text file (FIFOs, devices, binary and UTF-16 files), read.ts is the bounded reader of every
 * small input, run-inputs.ts records the run's inputs and refuses writing over them, and
 * write-atomic.ts writes a whole file or directory or nothing. This module re-exports what commands
 * use, so they import from one place. The guarantees are listed in docs/reliability.md.
 */
export { checkDecompressedStart, checkRegularInput, notFoundError, StreamTextGuard } from "./files/guards.js";
export { readTextFile, SMALL_INPUT_LIMIT } from "./files/read.js";
export { guardInputs, registerInput, resetRunInputs, writeTarget } from "./files/run-inputs.js";
export { cleanStaleTemps, writeDirectoryAtomic, writeError, writeFileAtomic } from "./files/write-atomic.js";
