// The CLI's in-process host for test/helpers/run-cli.ts: one worker thread per test file imports the built CLI
// once and runs each command through `run(argv, io)` with in-memory streams and the test's own cwd and env.
// Plain JavaScript because a worker thread loads files with Node itself, not through vitest's TypeScript transform.
import { parentPort, workerData } from "node:worker_threads";

const { run } = await import(new URL("../../dist/bundle/cli/main.js", import.meta.url).href);
const { port, signal } = workerData;

parentPort.on("message", async ({ id, args, cwd, env, stderrIsTTY = false, stdin }) => {
  let stdout = "";
  let stderr = "";
  const io = {
    cwd,
    env,
    // Pipes, as with spawnSync: not terminals, so no colour unless the env forces it and no prompts (a test may
    // make stderr a terminal, for the progress displays).
    stdout: { write: (t) => void (stdout += t), isTTY: false },
    stderr: { write: (t) => void (stderr += t), isTTY: stderrIsTTY },
    stdinIsTTY: false,
    // A usage file given as `-`: the test's text, in two chunks so a reader cannot assume one.
    ...(stdin !== undefined
      ? {
          stdin: (async function* () {
            const bytes = Buffer.from(stdin, "utf8");
            yield bytes.subarray(0, bytes.length >> 1);
            yield bytes.subarray(bytes.length >> 1);
          })(),
        }
      : {}),
  };
  let code;
  try {
    code = await run(args, io);
  } catch (err) {
    // run() turns every error into an exit code; reaching here is a harness failure, reported as such.
    code = -1;
    stderr += `cli-worker: run() threw: ${err?.stack ?? String(err)}\n`;
  }
  // The reply first, then the count of replies: the host waits for the count to move and reads the reply by its id.
  port.postMessage({ id, code, stdout, stderr });
  Atomics.add(signal, 0, 1);
  Atomics.notify(signal, 0);
});
