#!/usr/bin/env node
// Seeded generator of the ingest benchmark's per-request log:
//   timestamp,request_id,project,model,input_tokens,cached_input_tokens,output_tokens,cost_usd
// ISO timestamps with Z in time order over one year, one row per request, some cost values quoted.
// Usage: node bench/ingest/generate.mjs [OUT] [MEGABYTES]   (default bench/data/requests-1g.csv, 1000 MB)
import { openSync, writeSync, closeSync, mkdirSync } from "node:fs";
import { dirname } from "node:path";

export function generate(out, megabytes, seed = 20260301) {
  mkdirSync(dirname(out), { recursive: true });
  let a = seed >>> 0;
  const rand = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const models = [
    "gpt-4.1",
    "gpt-4.1-mini",
    "gpt-4o",
    "claude-sonnet-4",
    "claude-haiku-4-5",
    "gemini-2.5-flash",
    "o4-mini",
    "deepseek-chat",
  ];
  const price = [2.0, 0.4, 2.5, 3.0, 1.0, 0.3, 1.1, 0.27]; // USD per Mtok input; output 4×
  const projects = Array.from({ length: 24 }, (_, i) => `proj-${String(i + 1).padStart(2, "0")}`);
  const target = megabytes * 1_000_000;
  const start = Date.parse("2025-11-01T00:00:00Z") / 1000;
  const fd = openSync(out, "w");
  let written = 0;
  let rows = 0;
  let buf = "timestamp,request_id,project,model,input_tokens,cached_input_tokens,output_tokens,cost_usd\n";
  // ~10.4 M rows per GB: spread them over 365 days in time order.
  const expectedRows = Math.max(1, Math.round((target / 1e9) * 10_400_000));
  const step = (365 * 86400) / expectedRows;
  let t = start;
  const hex = "0123456789abcdef";
  while (written + buf.length < target) {
    t += step * (0.5 + rand());
    const ts = new Date(Math.floor(t) * 1000).toISOString().slice(0, 19) + "Z";
    let id = "req_";
    for (let i = 0; i < 24; i++) id += hex[Math.floor(rand() * 16)];
    const m = Math.floor(rand() * rand() * models.length);
    const input = 50 + Math.floor(rand() * rand() * 12000);
    const cached = rand() < 0.4 ? Math.floor(input * rand()) : 0;
    const output = 10 + Math.floor(rand() * rand() * 3000);
    // Cost in micro-dollars, written with six decimals; one row in five quoted.
    const micro = Math.round((input - cached) * price[m] + cached * price[m] * 0.1 + output * price[m] * 4);
    const cost = `${Math.floor(micro / 1e6)}.${String(micro % 1e6).padStart(6, "0")}`;
    buf += `${ts},${id},${projects[Math.floor(rand() * projects.length)]},${models[m]},${input},${cached},${output},${rand() < 0.2 ? `"${cost}"` : cost}\n`;
    rows++;
    if (buf.length > 1 << 20) {
      written += writeSync(fd, buf);
      buf = "";
    }
  }
  written += writeSync(fd, buf);
  closeSync(fd);
  return { rows, bytes: written };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const out = process.argv[2] ?? "bench/data/requests-1g.csv";
  const mb = Number(process.argv[3] ?? 1000);
  const r = generate(out, mb);
  process.stdout.write(`wrote ${out}: ${r.rows} rows, ${r.bytes} bytes\n`);
}
