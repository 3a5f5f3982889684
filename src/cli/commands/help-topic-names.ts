/** The `tokenhedge help TOPIC` names, apart from the topics' texts so that the top-level help loads none of them. */
export const HELP_TOPIC_NAMES = ["exit-codes", "config", "formats"] as const;
export type HelpTopicName = (typeof HELP_TOPIC_NAMES)[number];
