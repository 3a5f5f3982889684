/** `tokenhedge completion bash|zsh|fish`: the options; the action (actions/completion.ts) loads when it runs. */
import { Argument, Command } from "commander";
import { SHELLS } from "../completion/shells.js";
import { lazyAction, type CommandEnv } from "./shared.js";

export function completionCommand(env: CommandEnv): Command {
  return new Command("completion")
    .description("print a shell completion script (bash, zsh or fish) for every command, option and choice")
    .addArgument(new Argument("<shell>", "the shell to complete in").choices(SHELLS))
    .addHelpText(
      "after",
      `
Load it for this shell session, or save it where the shell looks:
  bash:  source <(tokenhedge completion bash)     or  tokenhedge completion bash > ~/.local/share/bash-completion/completions/tokenhedge
  zsh:   source <(tokenhedge completion zsh)      or  tokenhedge completion zsh > "\${fpath[1]}/_tokenhedge"
  fish:  tokenhedge completion fish | source     or  tokenhedge completion fish > ~/.config/fish/completions/tokenhedge.fish`,
    )
    .action(lazyAction(async () => (await import("../actions/completion.js")).completionAction(env)));
}
