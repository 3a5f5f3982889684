/**
 * Dialects: the same usage written in each CSV dialect and date style ingests identically to its
 * plain twin; ambiguous day/month order is an error that says so; days are counted in --tz.
 */
import { describe, expect, it } from "vitest";
import { ingestUsage, totalsByPeriod, type IngestOptions, type UsageSeries } from "../../src/ingest/index.js";
import { errorOf } from "../helpers/error-of.js";

// The plain twin: comma, LF, ISO dates, plain numbers. Three days across a month end, two models.
const PLAIN = [
  "date,model,token_type,tokens,cost_usd",
  "2026-01-30,gpt-4.1,input,1234567,2.47",
  "2026-01-30,gpt-4.1,output,20000,0.16",
  "2026-01-31,claude-sonnet-4,input,15,0.01",
  "2026-02-13,claude-sonnet-4,output,7000000,105.00",
].join("\n");

function fingerprint(s: UsageSeries) {
  return {
    months: totalsByPeriod(s, "month").map((m) => [m.period, m.tokens, m.cost?.toFixed()]),
    days: s.days.filter((d) => d.tokens > 0n).map((d) => [d.day, d.tokens]),
    kinds: Object.fromEntries(s.byKind),
    models: Object.fromEntries(s.byModel),
    cost: s.totalCost?.toFixed(),
  };
}

const plain = fingerprint(ingestUsage(PLAIN, { file: "plain.csv" }));

function twin(lines: string[], options: Partial<IngestOptions> = {}, eol = "\n", prefix = "") {
  return fingerprint(ingestUsage(prefix + lines.join(eol) + eol, { file: "twin.csv", ...options }));
}

describe("each dialect ingests identically to its plain twin", () => {
  it.each<[string, string[], Partial<IngestOptions>, string?, string?]>([
    [
      "semicolons with decimal commas (--decimal ,)",
      [
        "date;model;token_type;tokens;cost_usd",
        "2026-01-30;gpt-4.1;input;1234567;2,47",
        "2026-01-30;gpt-4.1;output;20000;0,16",
        "2026-01-31;claude-sonnet-4;input;15;0,01",
        "2026-02-13;claude-sonnet-4;output;7000000;105,00",
      ],
      { decimal: "," },
    ],
    [
      "thousands separators with decimal commas",
      [
        "date;model;token_type;tokens;cost_usd",
        "2026-01-30;gpt-4.1;input;1.234.567;2,47",
        "2026-01-30;gpt-4.1;output;20.000;0,16",
        "2026-01-31;claude-sonnet-4;input;15;0,01",
        "2026-02-13;claude-sonnet-4;output;7.000.000;105,00",
      ],
      { decimal: "," },
    ],
    [
      "quoted thousands separators (--thousands ,)",
      [
        "date,model,token_type,tokens,cost_usd",
        '2026-01-30,gpt-4.1,input,"1,234,567",2.47',
        '2026-01-30,gpt-4.1,output,"20,000",0.16',
        "2026-01-31,claude-sonnet-4,input,15,0.01",
        '2026-02-13,claude-sonnet-4,output,"7,000,000",105.00',
      ],
      { thousands: "," },
    ],
    [
      "tabs",
      [
        "date\tmodel\ttoken_type\ttokens\tcost_usd",
        "2026-01-30\tgpt-4.1\tinput\t1234567\t2.47",
        "2026-01-30\tgpt-4.1\toutput\t20000\t0.16",
        "2026-01-31\tclaude-sonnet-4\tinput\t15\t0.01",
        "2026-02-13\tclaude-sonnet-4\toutput\t7000000\t105.00",
      ],
      {},
    ],
    ["a BOM and CRLF", PLAIN.split("\n"), {}, "\r\n", "\uFEFF"],
    [
      "every field quoted, one with an embedded delimiter and newline",
      [
        '"date","model","token_type","tokens","cost_usd","note"',
        '"2026-01-30","gpt-4.1","input","1234567","2.47","a, b"',
        '"2026-01-30","gpt-4.1","output","20000","0.16","two\nlines"',
        '"2026-01-31","claude-sonnet-4","input","15","0.01","say ""hi"""',
        '"2026-02-13","claude-sonnet-4","output","7000000","105.00",""',
      ],
      {},
    ],
    [
      "floats written for integers",
      [
        "date,model,token_type,tokens,cost_usd",
        "2026-01-30,gpt-4.1,input,1234567.0,2.47",
        "2026-01-30,gpt-4.1,output,20000.00,0.16",
        "2026-01-31,claude-sonnet-4,input,15.0,0.01",
        "2026-02-13,claude-sonnet-4,output,7000000.0,105.00",
      ],
      {},
    ],
    [
      "ISO date-times with offsets",
      [
        "date,model,token_type,tokens,cost_usd",
        "2026-01-30T22:00:00-01:00,gpt-4.1,input,1234567,2.47",
        "2026-01-30T12:00:00Z,gpt-4.1,output,20000,0.16",
        "2026-02-01T01:00:00+02:00,claude-sonnet-4,input,15,0.01",
        "2026-02-13T10:15:30.250+05:30,claude-sonnet-4,output,7000000,105.00",
      ],
      {},
    ],
    [
      "Unix seconds",
      [
        "date,model,token_type,tokens,cost_usd",
        `${Date.UTC(2026, 0, 30, 8) / 1000},gpt-4.1,input,1234567,2.47`,
        `${Date.UTC(2026, 0, 30) / 1000},gpt-4.1,output,20000,0.16`,
        `${Date.UTC(2026, 0, 31, 23, 59, 59) / 1000},claude-sonnet-4,input,15,0.01`,
        `${Date.UTC(2026, 1, 13, 12) / 1000},claude-sonnet-4,output,7000000,105.00`,
      ],
      {},
    ],
    [
      "DD.MM.YYYY",
      [
        "date,model,token_type,tokens,cost_usd",
        "30.01.2026,gpt-4.1,input,1234567,2.47",
        "30.01.2026,gpt-4.1,output,20000,0.16",
        "31.01.2026,claude-sonnet-4,input,15,0.01",
        "13.02.2026,claude-sonnet-4,output,7000000,105.00",
      ],
      {},
    ],
    [
      "MM/DD/YYYY, settled by a day above 12",
      [
        "date,model,token_type,tokens,cost_usd",
        "01/30/2026,gpt-4.1,input,1234567,2.47",
        "01/30/2026,gpt-4.1,output,20000,0.16",
        "01/31/2026,claude-sonnet-4,input,15,0.01",
        "02/13/2026,claude-sonnet-4,output,7000000,105.00",
      ],
      {},
    ],
    [
      "DD/MM/YYYY, settled by a day above 12",
      [
        "date,model,token_type,tokens,cost_usd",
        "30/01/2026,gpt-4.1,input,1234567,2.47",
        "30/01/2026,gpt-4.1,output,20000,0.16",
        "31/01/2026,claude-sonnet-4,input,15,0.01",
        "13/02/2026,claude-sonnet-4,output,7000000,105.00",
      ],
      {},
    ],
  ])("%s", (_name, lines, options, eol, prefix) => {
    expect(twin(lines, options, eol ?? "\n", prefix ?? "")).toEqual(plain);
  });

  it("a file fed in many small chunks ingests like the whole text", async () => {
    const { UsageIngestor } = await import("../../src/ingest/reading/engine.js");
    const bytes = new TextEncoder().encode(
      '\uFEFFdate,model,token_type,tokens,cost_usd,note\r\n2026-01-30,gpt-4.1,input,1234567,2.47,"x\r\ny"\r\n2026-01-30,gpt-4.1,output,20000,0.16,\r\n2026-01-31,claude-sonnet-4,input,15,0.01,\r\n2026-02-13,claude-sonnet-4,output,7000000,105.00,',
    );
    const ing = new UsageIngestor({ file: "chunks.csv" });
    for (let i = 0; i < bytes.length; i += 3) ing.push(bytes.subarray(i, i + 3));
    expect(fingerprint(ing.finish())).toEqual(plain);
  });
});

describe("dates that cannot be read", () => {
  it("a/b/yyyy with no day above 12 is ambiguous and says so", () => {
    const e = errorOf(() => ingestUsage("date,tokens\n01/02/2026,5\n03/04/2026,6\n", { file: "a.csv" }));
    expect(e.code).toBe("INPUT_DATE_AMBIGUOUS");
    expect(e.location).toBe("a.csv:2:1");
    expect(e.details.hint).toMatch(/ambiguous[\s\S]*--date-format/);
    // … and --date-format settles it.
    const mdy = ingestUsage("date,tokens\n01/02/2026,5\n03/04/2026,6\n", { file: "a.csv", dateFormat: "MM/DD/YYYY" });
    expect(mdy.firstDay).toBe("2026-01-02");
    const dmy = ingestUsage("date,tokens\n01/02/2026,5\n03/04/2026,6\n", { file: "a.csv", dateFormat: "DD/MM/YYYY" });
    expect(dmy.firstDay).toBe("2026-02-01");
  });

  it("a value that contradicts the order the file settled names the line that settled it", () => {
    const e = errorOf(() => ingestUsage("date,tokens\n01/30/2026,5\n30/01/2026,6\n", { file: "a.csv" }));
    expect(e.code).toBe("INPUT_DATE_PARSE");
    expect(e.location).toBe("a.csv:3:1");
    expect(e.details.hint).toMatch(/line 2 \("01\/30\/2026"\) showed the order is month\/day/);
  });

  it("a date that fits no format, and one that breaks --date-format", () => {
    expect(errorOf(() => ingestUsage("date,tokens\n2026-02-30,5\n", { file: "a.csv" })).details.hint).toMatch(
      /not a real calendar date/,
    );
    expect(
      errorOf(() => ingestUsage("date,tokens\n2026-02-03,5\n", { file: "a.csv", dateFormat: "DD.MM.YYYY" })).code,
    ).toBe("INPUT_DATE_PARSE");
  });
});

describe("--tz: days counted in a time zone", () => {
  const text = [
    "timestamp,tokens",
    "2026-01-31T23:30:00Z,1",
    "2026-02-01T03:00:00Z,10",
    "2026-03-29T00:30:00Z,100",
  ].join("\n");
  it("UTC by default", () => {
    expect(
      ingestUsage(text, { file: "t.csv" })
        .days.filter((d) => d.tokens > 0n)
        .map((d) => [d.day, d.tokens]),
    ).toEqual([
      ["2026-01-31", 1n],
      ["2026-02-01", 10n],
      ["2026-03-29", 100n],
    ]);
  });
  it("Europe/Berlin: 23:30 UTC is already the next day (CET, UTC+1); on 2026-03-29 00:30 UTC is 01:30 CET", () => {
    const s = ingestUsage(text, { file: "t.csv", tz: "Europe/Berlin" });
    expect(s.days.filter((d) => d.tokens > 0n).map((d) => [d.day, d.tokens])).toEqual([
      ["2026-02-01", 11n],
      ["2026-03-29", 100n],
    ]);
    expect(s.profile!.notes.join(" ")).toMatch(/days counted in Europe\/Berlin/);
  });
  it("America/New_York (UTC−5 in winter): 03:00 UTC on 1 February is still 31 January", () => {
    const s = ingestUsage(text, { file: "t.csv", tz: "America/New_York" });
    expect(s.days.filter((d) => d.tokens > 0n).map((d) => [d.day, d.tokens])).toEqual([
      ["2026-01-31", 11n],
      ["2026-03-28", 100n],
    ]);
  });
  it("a fixed offset, and an unknown zone is a usage error (exit 2)", () => {
    expect(ingestUsage(text, { file: "t.csv", tz: "+08:00" }).firstDay).toBe("2026-02-01");
    const e = errorOf(() => ingestUsage(text, { file: "t.csv", tz: "Mars/Olympus" }));
    expect(e.code).toBe("USAGE");
    expect(e.exitCode).toBe(2);
  });
});
