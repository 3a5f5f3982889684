/** Everything that steers one ingest run; the CLI fills it from flags, tests directly. */
import type { DateFormat } from "../values/dates.js";
import type { MappingSpec } from "../mapping/schema.js";
import type { ProfileOptions } from "../mapping/profiles/types.js";

export interface IngestOptions {
  /** Name used in messages (the path as the user typed it). */
  file: string;
  /** `--map date=…,tokens=…`: explicit columns for the generic profile. */
  map?: ProfileOptions["map"];
  /** A validated mapping (from `--mapping FILE` or `USAGE.csv.map.yaml`). */
  mapping?: MappingSpec;
  /** Where the mapping came from, for the summary. */
  mappingSource?: string;
  /** `--format`: a profile id; default auto-detect. */
  format?: string;
  delimiter?: "," | ";" | "\t" | "|";
  decimal?: "." | ",";
  thousands?: "none" | "," | "." | " " | "'";
  dateFormat?: DateFormat;
  /** `--tz`: zone the days are counted in (default UTC). */
  tz?: string;
  /** `--containment` for the generic profile's wide files. */
  containment?: "nested" | "disjoint";
  /** stop (default): the first bad row is an error. skip: bad rows are counted and left out. */
  onError?: "stop" | "skip";
  dedupe?: boolean;
  /** `--as-of YYYY-MM-DD`: rows after it are future-dated; the last day is checked for staleness. */
  asOf?: string;
  /** Days without data before --as-of that make the data stale (default 7). */
  staleDays?: number;
  from?: string;
  to?: string;
  models?: string[];
  providers?: string[];
  projects?: string[];
  /** Leave out rows kept for their cost only (credits, tax, refunds). */
  excludeCredits?: boolean;
  /** Which currency's cost to report when the file has several. */
  currency?: string;
  /** Memory cap of the duplicate check in hash slots (8 bytes each); default 2^18, 2^24 with dedupe; 0 turns it off. */
  dedupeSlots?: number;
}
