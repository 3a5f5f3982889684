/**
 * Run the CLI for a test (the one harness). runCli / runJson / runHere run the built CLI in-process through
 * `run(argv, io)` (dist/bundle/cli/main.js, built by `npm run build`) in a worker thread, with in-memory stdout/stderr and the given cwd and env; they stay
 * synchronous by blocking on the worker (Atomics.wait), so a test reads like a shell session. spawnCli spawns the
 * real `bin/tokenhedge` the way a user or CI job would, for the few smoke tests that need a real process.
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { MessageChannel, Worker, receiveMessageOnPort, type MessagePort } from "node:worker_threads";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const BIN = fileURLToPath(new URL("../../bin/tokenhedge", import.meta.url));

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  cwd?: string;
  env?: Record<string, string>;
  /** Make stderr a terminal (progress displays draw only on one); stdout stays a pipe. */
  stderrIsTTY?: boolean;
  /** Standard input (for a usage file given as `-`). */
  stdin?: string;
}

function cliEnv(options: CliOptions): Record<string, string> {
  // The developer's FORCE_COLOR must not leak in; a test may still set it through options.env.
  const { FORCE_COLOR: _ignored, ...inherited } = process.env as Record<string, string>;
  return { ...inherited, NO_COLOR: "1", ...options.env };
}

/** Spawn the real binary (smoke tests: process exit codes, signals, the launcher itself). */
export function spawnCli(args: string[], options: CliOptions = {}): CliResult {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    env: cliEnv(options),
    encoding: "utf8",
    input: "",
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

interface Host {
  worker: Worker;
  replies: MessagePort;
  signal: Int32Array;
}

let host: Host | undefined;
/** Each request's id: its reply carries it back, so a reply is never taken for another request's. */
let lastId = 0;

function cliHost(): Host {
  if (host) return host;
  const { port1, port2 } = new MessageChannel();
  const signal = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(new URL("./cli-worker.mjs", import.meta.url), {
    workerData: { port: port2, signal },
    transferList: [port2],
  });
  worker.unref(); // the test file's process must not wait for the idle worker
  host = { worker, replies: port1, signal };
  return host;
}

/** Longer than any single command in the suite; Atomics.wait blocks vitest's own timeout, so this is the guard. */
const RUN_TIMEOUT_MS = 120_000;

/** Run the CLI in-process: same stdout, stderr and exit code as the binary, without a process per call. */
export function runCli(args: string[], options: CliOptions = {}): CliResult {
  return runInWorker(args, options.cwd ?? ROOT, cliEnv(options), options.stderrIsTTY === true, options.stdin);
}

/**
 * The same in-process run with exactly this environment (NO_COLOR=1 and `env`, nothing inherited from the test's
 * process): for the hostile-input cases, which must not see a developer's COLUMNS, CI or TOKENHEDGE_* variables.
 */
export async function runHere(args: string[], cwd: string, env: Record<string, string> = {}): Promise<CliResult> {
  return runInWorker(args, cwd, { NO_COLOR: "1", ...env });
}

function runInWorker(
  args: string[],
  cwd: string,
  env: Record<string, string>,
  stderrIsTTY = false,
  stdin?: string,
): CliResult {
  const h = cliHost();
  const id = ++lastId;
  h.worker.postMessage({ id, args, cwd, env, stderrIsTTY, ...(stdin !== undefined ? { stdin } : {}) });
  // The worker counts its replies in the signal and notifies after each. A wake-up is only a hint to look: the
  // previous request's notify can land after its reply was read and wake this wait early (the race esbuild's sync
  // API met, evanw/esbuild#590), so look for this request's reply and wait again until it is there.
  const deadline = Date.now() + RUN_TIMEOUT_MS;
  for (;;) {
    const seen = Atomics.load(h.signal, 0);
    for (let reply = receiveMessageOnPort(h.replies); reply; reply = receiveMessageOnPort(h.replies)) {
      const message = reply.message as CliResult & { id: number };
      // An older reply can only be one whose caller gave up (timed out); it is dropped.
      if (message.id === id) return { code: message.code, stdout: message.stdout, stderr: message.stderr };
    }
    const left = deadline - Date.now();
    if (left <= 0) throw new Error(`tokenhedge ${args.join(" ")}: no answer in ${RUN_TIMEOUT_MS} ms`);
    Atomics.wait(h.signal, 0, seen, left);
  }
}

export function runJson<T = Record<string, unknown>>(args: string[]): T {
  const r = runCli([...args, "--json"]);
  if (r.code !== 0) throw new Error(`exit ${r.code}: ${r.stderr}`);
  return JSON.parse(r.stdout) as T;
}

export const ACME = {
  usage: "fixtures/acme/usage.csv",
  tokenCurve: "fixtures/acme/token-curve.csv",
  gpuCurve: "fixtures/acme/gpu-curve.csv",
  tokenContract: "fixtures/acme/token-contract.json",
  gpuContract: "fixtures/acme/gpu-contract.json",
  policy: "fixtures/acme/policy.json",
  priceHistory: "fixtures/acme/price-history.csv",
};

export const PLAN_ARGS = ["--curve", ACME.tokenCurve, "--contract", ACME.tokenContract, "--policy", ACME.policy];
