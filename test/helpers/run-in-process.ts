/** Run the CLI in this process (no spawn): fast enough for the many hostile-input cases. */
import { run } from "../../src/cli/main.js";

export interface InProcessResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runHere(args: string[], cwd: string, env: Record<string, string> = {}): Promise<InProcessResult> {
  let stdout = "";
  let stderr = "";
  const code = await run(args, {
    cwd,
    env: { NO_COLOR: "1", ...env },
    stdout: { write: (t) => void (stdout += t), isTTY: false },
    stderr: { write: (t) => void (stderr += t), isTTY: false },
    stdinIsTTY: false,
  });
  return { code, stdout, stderr };
}
