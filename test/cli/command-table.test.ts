import { describe, expect, it } from "vitest";
import { Help } from "commander";
import { COMMANDS, invokedCommand } from "../../src/cli/command-table.js";
import { makeCommandEnv } from "../../src/cli/commands/shared.js";

const sink = { write: () => undefined, isTTY: false };
const env = makeCommandEnv({ cwd: ".", env: {}, stdout: sink, stderr: sink, stdinIsTTY: false, colour: false });

describe("command table", () => {
  // The top-level help prints the table's rows, not the commands: each row must say what its command would.
  it.each(COMMANDS.map((row) => [row.name, row] as const))(
    "%s: name, usage term and description match the real command",
    async (_name, row) => {
      const cmd = (await row.load())(env);
      expect(cmd.name()).toBe(row.name);
      expect(cmd.description()).toBe(row.description);
      expect(new Help().subcommandTerm(cmd)).toBe(row.usage === "" ? row.name : `${row.name} ${row.usage}`);
    },
  );

  it("finds the invoked command after the program's flags and after help", () => {
    expect(invokedCommand(["--no-color", "plan", "x.csv", "--json"])?.name).toBe("plan");
    expect(invokedCommand(["help", "simulate"])?.name).toBe("simulate");
    expect(invokedCommand(["--help"])).toBeUndefined();
    expect(invokedCommand(["nonsense"])).toBeUndefined();
  });
});
