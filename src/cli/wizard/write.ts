/** Writing the checked config: its directory made, the file replaced atomically, never over one of its inputs. */
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { writeFileAtomic } from "../files.js";
import type { Answers } from "./answers.js";

export function writeConfig(cwd: string, target: string, text: string, answers: Answers): void {
  mkdirSync(dirname(resolve(cwd, target)), { recursive: true });
  writeFileAtomic(target, text, cwd, [
    answers.usage,
    answers.curve,
    answers.contract,
    ...(answers.policy.kind === "file" ? [answers.policy.path] : []),
  ]);
}
