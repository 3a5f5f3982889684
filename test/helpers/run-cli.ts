/** Spawn the real `bin/tokenhedge` (built by `npm run build`) the way a user or CI job would. */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const BIN = fileURLToPath(new URL("../../bin/tokenhedge", import.meta.url));

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], options: { cwd?: string; env?: Record<string, string>; input?: string } = {}): CliResult {
  // The developer's FORCE_COLOR must not leak in; a test may still set it through options.env.
  const { FORCE_COLOR: _ignored, ...inherited } = process.env as Record<string, string>;
  const env: Record<string, string> = { ...inherited, NO_COLOR: "1", ...options.env };
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: options.cwd ?? ROOT, env, encoding: "utf8", input: options.input ?? "" });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
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
};

export const PLAN_ARGS = ["--curve", ACME.tokenCurve, "--contract", ACME.tokenContract, "--policy", ACME.policy];
