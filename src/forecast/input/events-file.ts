/**
 * The events file (`--events FILE`): what the team knows about its usage, as CSV
 *
 *     date,kind,uplift,end,note
 *     2026-02-19,launch,+50%,,assistant v2 in the app
 *     2025-11-18,outage,,2025-11-19,provider incident
 *     2027-04-01,launch,1.3,,EU rollout
 *
 * or as YAML (a list of { date, kind, uplift, end, note }, optionally under `events:`). `date` and `end` are days
 * YYYY-MM-DD (a month YYYY-MM means its first day); `kind` is launch, outage or migration; `uplift` the expected
 * level afterwards, as a factor (1.3) or a change (+30%, −10%), for launches and migrations only; `end` (the last
 * outage day) for outages only. Every error names file:line:column, the value found and what was expected.
 */
import { HedgeError } from "../../errors.js";
import { isDay, isMonth } from "../../time/period.js";
import type { ForecastEvent } from "../types.js";
import { readTable, type Cell } from "./table-file.js";

const FIELDS = ["date", "kind", "uplift", "end", "note"] as const;
const KINDS = ["launch", "outage", "migration"] as const;
const FACTOR = /^[+]?(\d+(\.\d*)?|\.\d+)$/;
const CHANGE = /^([+\-−]?)(\d+(\.\d*)?|\.\d+)\s*%$/;

function fail(file: string, cell: Cell, field: string, message: string, expected: string, hint?: string): never {
  throw new HedgeError("INPUT_INVALID", message, {
    file,
    line: cell.line,
    column: cell.column,
    field,
    value: cell.raw,
    expected,
    hint: hint ?? "fix that row of the file given to --events (or events: in the config)",
  });
}

function day(file: string, cell: Cell, field: string): string {
  if (isDay(cell.raw)) return cell.raw;
  if (isMonth(cell.raw)) return `${cell.raw}-01`;
  return fail(file, cell, field, `cannot read ${field} "${cell.raw}"`, "a day YYYY-MM-DD or a month YYYY-MM");
}

/** "1.3" → 1.3, "+30%" → 1.3, "-10%" → 0.9. */
export function parseUplift(raw: string): number | undefined {
  const change = CHANGE.exec(raw.trim());
  if (change) {
    const sign = change[1] === "-" || change[1] === "−" ? -1 : 1;
    return 1 + (sign * Number(change[2])) / 100;
  }
  return FACTOR.test(raw.trim()) ? Number(raw.trim()) : undefined;
}

export function parseEventsFile(text: string, file: string): ForecastEvent[] {
  const rows = readTable(text, file, {
    fields: FIELDS,
    required: ["date", "kind"],
    listKeys: ["events"],
    what: "events",
  });
  return rows.map((row) => {
    const dateCell = row.get("date");
    const kindCell = row.get("kind");
    if (!dateCell)
      throw new HedgeError("INPUT_INVALID", "an event has no date", {
        file,
        line: row.line,
        field: "date",
        expected: "a day YYYY-MM-DD",
      });
    if (!kindCell)
      throw new HedgeError("INPUT_INVALID", "an event has no kind", {
        file,
        line: row.line,
        field: "kind",
        expected: KINDS.join(", "),
      });
    const date = day(file, dateCell, "date");
    const kind = kindCell.raw.toLowerCase();
    if (!(KINDS as readonly string[]).includes(kind))
      fail(file, kindCell, "kind", `unknown event kind "${kindCell.raw}"`, KINDS.join(", "));
    const event: ForecastEvent = { kind: kind as ForecastEvent["kind"], date, source: `${file}:${row.line}` };
    const upliftCell = row.get("uplift");
    if (upliftCell) {
      if (kind === "outage")
        fail(
          file,
          upliftCell,
          "uplift",
          "an outage has no uplift",
          "an empty uplift for outages",
          "outages are left out of the fit; give the last day as end",
        );
      const u = parseUplift(upliftCell.raw);
      if (u === undefined || !(u > 0) || !Number.isFinite(u)) {
        fail(
          file,
          upliftCell,
          "uplift",
          `cannot read uplift "${upliftCell.raw}"`,
          "a factor > 0 such as 1.3, or a change such as +30% or -10%",
        );
      }
      event.uplift = u;
    }
    const endCell = row.get("end");
    if (endCell) {
      if (kind !== "outage")
        fail(
          file,
          endCell,
          "end",
          `an end date applies to outages only, not to a ${kind}`,
          "an empty end for launches and migrations",
        );
      const end = day(file, endCell, "end");
      if (end < date)
        fail(file, endCell, "end", `the outage ends (${end}) before it starts (${date})`, `a day on or after ${date}`);
      event.end = end;
    }
    const note = row.get("note");
    if (note) event.note = note.raw;
    return event;
  });
}
