/** How a HedgeError looks on stderr: `tokenhedge: file:line:col: message`, then the details a user needs to fix it. */
import type { HedgeError } from "../errors.js";

export function formatError(err: HedgeError): string {
  const loc = err.location;
  const d = err.details;
  const lines = [`tokenhedge: error: ${loc ? `${loc}: ` : ""}${err.message}`];
  if (d.field !== undefined) lines.push(`  column:   ${d.column ?? "?"} (${d.field})`);
  if (d.path !== undefined) lines.push(`  key:      ${d.path}`);
  if (d.value !== undefined && !err.message.includes(`"${d.value}"`)) lines.push(`  value:    ${JSON.stringify(d.value)}`);
  if (d.expected !== undefined) lines.push(`  expected: ${d.expected}`);
  if (d.hint !== undefined) lines.push(`  hint:     ${d.hint}`);
  return lines.join("\n") + "\n";
}

export function errorJson(err: HedgeError): string {
  return JSON.stringify({ error: { code: err.code, exitCode: err.exitCode, message: err.message, details: err.details } }) + "\n";
}
