/**
 * The prompts `init` asks, behind a small interface: the real ones are @inquirer/prompts on the
 * terminal; the interface keeps the wizard's logic free of the library. Prompts run only when
 * canPrompt (context.ts) says so — stdin and stdout are terminals and CI is not set — and never with
 * --yes (the README (conventions, exit codes)). Ctrl-C inside a prompt becomes exit 130, without a stack trace.
 */
import { HedgeError } from "../errors.js";

// Loaded on first use: @inquirer/prompts costs ~200 ms at start-up, and only `init` prompts.
const inquirer = (): Promise<typeof import("@inquirer/prompts")> => import("@inquirer/prompts");

export interface Choice<T extends string> {
  value: T;
  name: string;
  description?: string;
}

export interface Prompter {
  text(message: string, options?: { default?: string; validate?: (value: string) => true | string }): Promise<string>;
  number(message: string, options?: { default?: number; min?: number; max?: number }): Promise<number>;
  choose<T extends string>(message: string, choices: readonly Choice<T>[], defaultValue?: T): Promise<T>;
  yesNo(message: string, defaultValue: boolean): Promise<boolean>;
}

/** inquirer's errors for Ctrl-C (ExitPromptError), an aborted or a cancelled prompt. */
export function isPromptInterrupt(err: unknown): boolean {
  const name = (err as { name?: unknown } | null)?.name;
  return name === "ExitPromptError" || name === "AbortPromptError" || name === "CancelPromptError";
}

/** Run a prompt; Ctrl-C becomes HedgeError INTERRUPTED (exit 130) instead of a stack trace. */
async function guarded<T>(ask: () => Promise<T>): Promise<T> {
  try {
    return await ask();
  } catch (err) {
    if (isPromptInterrupt(err)) throw new HedgeError("INTERRUPTED", "interrupted: nothing written");
    throw err;
  }
}

export function inquirerPrompter(): Prompter {
  return {
    text: (message, options = {}) =>
      guarded(async () =>
        (await inquirer()).input({
          message,
          ...(options.default !== undefined ? { default: options.default } : {}),
          ...(options.validate ? { validate: options.validate } : {}),
        }),
      ),
    number: (message, options = {}) =>
      guarded(async () => {
        const value = await (
          await inquirer()
        ).number({
          message,
          required: true,
          ...(options.default !== undefined ? { default: options.default } : {}),
          ...(options.min !== undefined ? { min: options.min } : {}),
          ...(options.max !== undefined ? { max: options.max } : {}),
        });
        return value ?? options.default ?? 0;
      }),
    choose: (message, choices, defaultValue) =>
      guarded(async () =>
        (await inquirer()).select({
          message,
          choices: choices.map((c) => ({ ...c })),
          ...(defaultValue !== undefined ? { default: defaultValue } : {}),
        }),
      ),
    yesNo: (message, defaultValue) =>
      guarded(async () => (await inquirer()).confirm({ message, default: defaultValue })),
  };
}
