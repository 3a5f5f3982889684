/**
 * The answer of `ingest`, `curve` and `forecast` in one sentence, printed under each command's table as `plan`
 * prints its summary line (every command's human output leads with its answer in a sentence). Pure text, no colours,
 * human output only: JSON and CSV stay documents.
 */
import { fmtInt, fmtMoneyShort, fmtPrice, fmtSignedPct } from "./render/format.js";

/** A token count at a glance, three significant figures: "10.9 B tok", "652 M tok", "1,277 B tok", "950 tok". */
export function fmtTokensShort(n: number): string {
  const a = Math.abs(n);
  const [div, unit] = a >= 1e9 ? [1e9, "B tok"] : a >= 1e6 ? [1e6, "M tok"] : a >= 1e3 ? [1e3, "k tok"] : [1, "tok"];
  if (div === 1) return `${fmtInt(Math.round(n))} tok`;
  const v = n / div;
  const digits = Math.abs(v) >= 100 ? 0 : Math.abs(v) >= 10 ? 1 : 2;
  return `${new Intl.NumberFormat("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(v)} ${unit}`;
}

const plural = (n: number, one: string, many = `${one}s`): string => `${fmtInt(n)} ${n === 1 ? one : many}`;

/** Money at a glance in the export's currency: "$1.45M", or "1.45M EUR". */
function moneyShort(amount: number, currency: string | null): string {
  const s = fmtMoneyShort(amount);
  return currency === null || currency === "USD" ? s : `${s.replace("$", "")} ${currency}`;
}

export interface IngestAnswerInput {
  period: "day" | "month";
  /** Every period of the table, in order; `complete` when the data cover all its days. */
  periods: { period: string; tokens: number; complete: boolean }[];
  /** Total cost in the currency's units (cents precision); null without a cost column (or with several currencies). */
  cost: number | null;
  currency: string | null;
  /** Data-quality findings of the read (warnings and notes), bad rows skipped and days without rows. */
  findings: number;
  badRows: number;
  missingDays: number;
}

/**
 * "20 complete months, 10.9 B tok in 2025-03 → 69.0 B tok in 2026-10 (+10.2% a month compounded); cost $1.45M;
 * no data-quality findings." The growth is the compound rate between the first and the last complete period.
 */
export function ingestSentence(a: IngestAnswerInput): string {
  const complete = a.periods.filter((p) => p.complete);
  const partial = a.periods.length - complete.length;
  const unit = a.period;
  const parts: string[] = [];
  const first = complete[0];
  const last = complete[complete.length - 1];
  let head = `${plural(complete.length, `complete ${unit}`)}`;
  if (partial > 0) head += ` (and ${plural(partial, `partial ${unit}`)})`;
  if (first && last && complete.length > 1) {
    head += `, ${fmtTokensShort(first.tokens)} in ${first.period} → ${fmtTokensShort(last.tokens)} in ${last.period}`;
    if (first.tokens > 0 && last.tokens > 0) {
      const growth = Math.pow(last.tokens / first.tokens, 1 / (complete.length - 1)) - 1;
      head += ` (${fmtSignedPct(growth, 1)} a ${unit} compounded)`;
    }
  } else if (first) {
    head += `, ${fmtTokensShort(first.tokens)} in ${first.period}`;
  } else {
    head += `, ${fmtTokensShort(a.periods.reduce((s, p) => s + p.tokens, 0))} in all`;
  }
  parts.push(head);
  parts.push(a.cost === null ? "no cost" : `cost ${moneyShort(a.cost, a.currency)}`);
  const quality = [a.findings === 0 ? "no data-quality findings" : plural(a.findings, "data-quality finding")];
  if (a.badRows > 0) quality.push(`${plural(a.badRows, "bad row")} skipped`);
  if (a.missingDays > 0) quality.push(plural(a.missingDays, "day") + " without rows");
  parts.push(quality.join(", "));
  return `${parts.join("; ")}.`;
}

export interface CurveAnswerInput {
  shape: "contango" | "backwardation" | "mixed" | "flat";
  quoteUnit: string;
  /** Decimals prices are shown with. */
  digits: number;
  front: { month: string; price: number };
  back: { month: string; price: number };
  /** Front-to-back change as a ratio (−0.2619 = −26.19%) and months between them. */
  frontToBackPct: number;
  spanMonths: number;
  /** Annualised front-to-back change; null for a one-month curve. */
  annualisedChange: number | null;
  /** Every month's price (interpolated months included). */
  prices: number[];
}

const SHAPE_WORD: Record<CurveAnswerInput["shape"], string> = {
  contango: "Contango (later months dearer)",
  backwardation: "Backwardation (later months cheaper)",
  mixed: "Mixed curve (no single direction)",
  flat: "Flat curve",
};

/**
 * "Backwardation (later months cheaper): front 2026-12 2.100 → back 2027-11 1.550 USD/Mtok, -26.19% over 11
 * months (-28.2% a year); average 1.813 USD/Mtok over 12 months."
 */
export function curveSentence(a: CurveAnswerInput): string {
  const p = (v: number): string => fmtPrice(v, a.digits);
  const average = a.prices.reduce((s, v) => s + v, 0) / a.prices.length;
  if (a.prices.length === 1) return `One month only: ${a.front.month} ${p(a.front.price)} ${a.quoteUnit}.`;
  return (
    `${SHAPE_WORD[a.shape]}: front ${a.front.month} ${p(a.front.price)} → back ${a.back.month} ${p(a.back.price)} ${a.quoteUnit}, ` +
    `${fmtSignedPct(a.frontToBackPct, 2)} over ${plural(a.spanMonths, "month")}` +
    (a.annualisedChange !== null ? ` (${fmtSignedPct(a.annualisedChange, 1)} a year)` : "") +
    `; average ${p(average)} ${a.quoteUnit} over ${plural(a.prices.length, "month")}.`
  );
}

export interface ForecastAnswerInput {
  granularity: "day" | "month";
  /** First and last forecast period and how many. */
  first: string;
  last: string;
  periods: number;
  /** The horizon's total: the sum of the period means, and the 10th and 90th percentile of the summed sample paths. */
  mean: number;
  p10: number;
  p90: number;
  /** Growth a period implied by the forecast now and at the horizon end (0.075 = 7.5%); null when not measurable. */
  growthNow: number | null;
  growthEnd: number | null;
  /** "tokens" for usage; a series of unknown unit is shown in its own figures with `decimals`. */
  unit?: string;
  decimals: number;
}

/**
 * "Next 12 months (2026-11 … 2027-10): 1,277 B tok expected, P10–P90 1,040–1,540 B tok; growth +7.5% a month now,
 * +6.1% a month at the horizon end."
 */
export function forecastSentence(a: ForecastAnswerInput): string {
  const tokens = a.unit === "tokens";
  const nf = new Intl.NumberFormat("en-US", { minimumFractionDigits: a.decimals, maximumFractionDigits: a.decimals });
  const f = (v: number): string => (tokens ? fmtTokensShort(v) : nf.format(v));
  // The range in one unit when both ends share it: "1,040–1,540 B tok" rather than "1,040 B tok–1,540 B tok".
  const [lo, hi] = [f(a.p10), f(a.p90)];
  const loUnit = lo.slice(lo.indexOf(" "));
  const range = tokens && hi.endsWith(loUnit) ? `${lo.slice(0, lo.indexOf(" "))}–${hi}` : `${lo}–${hi}`;
  const unit = a.granularity;
  const growth =
    a.growthNow === null || a.growthEnd === null
      ? "growth not measurable"
      : `growth ${fmtSignedPct(a.growthNow, 1)} a ${unit} now, ${fmtSignedPct(a.growthEnd, 1)} a ${unit} at the horizon end`;
  const span = a.periods === 1 ? a.first : `${a.first} … ${a.last}`;
  return `Next ${plural(a.periods, unit)} (${span}): ${f(a.mean)}${tokens ? "" : " in all"} expected, P10–P90 ${range}; ${growth}.`;
}
