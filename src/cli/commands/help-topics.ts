import { EXIT_CODE_HELP } from "../exit-codes.js";
import { CONFIG_HELP } from "../../config/index.js";
import { PROFILES } from "../../ingest/mapping/profiles/index.js";
import type { CommandEnv } from "./shared.js";
import type { HelpTopicName } from "./help-topic-names.js";

/** For `tokenhedge help formats`. */
function formatsHelp(): string {
  return PROFILES.map((p) => `  ${p.id.padEnd(18)} ${p.title}`).join("\n") + "\n";
}

const TOPICS: Record<HelpTopicName, string> = {
  "exit-codes": EXIT_CODE_HELP,
  config: CONFIG_HELP,
  formats: `Usage export formats (tokenhedge ingest --format ID; detected from the header by default)\n${formatsHelp()}`,
};

/** `tokenhedge help exit-codes` and other cross-cutting topics; `help COMMAND` still shows a command's help. */
export function helpTopic(env: CommandEnv, topic: string): boolean {
  const text = Object.hasOwn(TOPICS, topic) ? TOPICS[topic as HelpTopicName] : undefined;
  if (text === undefined) return false;
  env.ctx.stdout.write(text);
  return true;
}
