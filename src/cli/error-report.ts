/** How a HedgeError looks on stderr: `tokenhedge: file:line:col: message`, then the details a user needs to fix it. */
import type { HedgeError } from "../errors.js";

/**
 * Control characters (C0, DEL, C1) shown as `\xNN`/`\u{…}` escapes: a model name or a file path
 * holding `ESC]0;` or `ESC[2J` must not retitle or clear the user's terminal. Newlines and tabs
 * stay when `keepLayout` (a message's own line breaks).
 */
export function escapeControl(text: string, keepLayout = false): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => {
    if (keepLayout && (c === "\n" || c === "\t")) return c;
    const n = c.charCodeAt(0);
    return n <= 0xff ? `\\x${n.toString(16).padStart(2, "0")}` : `\\u{${n.toString(16)}}`;
  });
}

// A colour sequence (SGR); the capture keeps it in split()'s output.
// eslint-disable-next-line no-control-regex
const SGR_SEQUENCE = /(\u001b\[[0-9;]*m)/;

/**
 * A human rendering made safe for a terminal: every control character escaped except line breaks,
 * tabs and the colour sequences (SGR, `ESC[…m`) the renderers themselves write.
 */
export function escapeHumanOutput(text: string): string {
  return text
    .split(SGR_SEQUENCE)
    .map((part, i) => (i % 2 === 1 ? part : escapeControl(part, true)))
    .join("");
}

export function formatError(err: HedgeError): string {
  const loc = err.location;
  const d = err.details;
  const lines = [`tokenhedge: error: ${loc ? `${loc}: ` : ""}${err.message}`];
  if (d.field !== undefined) lines.push(`  column:   ${d.column ?? "?"} (${d.field})`);
  if (d.path !== undefined) lines.push(`  key:      ${d.path}`);
  if (d.value !== undefined && !err.message.includes(`"${d.value}"`))
    lines.push(`  value:    ${JSON.stringify(d.value)}`);
  if (d.expected !== undefined) lines.push(`  expected: ${d.expected}`);
  if (d.hint !== undefined) lines.push(`  hint:     ${d.hint}`);
  return escapeControl(lines.join("\n"), true) + "\n";
}

/** The JSON error document; JSON.stringify already escapes every control character. */
export function errorJson(err: HedgeError): string {
  return (
    JSON.stringify({ error: { code: err.code, exitCode: err.exitCode, message: err.message, details: err.details } }) +
    "\n"
  );
}
