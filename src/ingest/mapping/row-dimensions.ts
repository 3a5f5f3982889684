/**
 * A record's dimensions — provider, model and project — as the cube's interned ids, the
 * --provider / --model / --project filters on them, and the cube's id for the combination.
 */
import type { CsvRecord } from "../../csv/scanner.js";
import type { Cube } from "../series/cube.js";
import { ByteInterner } from "../values/intern.js";
import type { DimensionRules } from "./compile.js";

/** The values each filter keeps, lower-cased; null when the filter is not set. */
export interface DimensionFilters {
  providers: Set<string> | null;
  models: Set<string> | null;
  projects: Set<string> | null;
}

export class RowDimensions {
  /** Whether any filter is set (the fast path's combination cache is then off). */
  readonly filtering: boolean;
  private provider = -1;
  private model = -1;
  private project = -1;
  /** Per id, whether the filter keeps it (decided once per distinct value). */
  private readonly allowed = {
    provider: [] as (boolean | undefined)[],
    model: [] as (boolean | undefined)[],
    project: [] as (boolean | undefined)[],
  };
  private readonly columns: Int32Array;
  private readonly interner = new ByteInterner();
  /** Combination id per distinct (provider, model, project) bytes seen by the fast path. */
  private readonly comboByRaw: number[] = [];
  private lastP = -1;
  private lastM = -1;
  private lastJ = -1;
  private lastCombo = -1;

  constructor(
    private readonly rules: DimensionRules,
    private readonly filters: DimensionFilters,
    private readonly cube: Cube,
  ) {
    this.filtering = filters.models !== null || filters.providers !== null || filters.projects !== null;
    this.columns = Int32Array.from(
      [rules.providerReader, rules.modelReader, rules.projectReader]
        .filter((r) => r !== undefined)
        .map((r) => r.column.index),
    );
  }

  /** Reads the record's three ids; the filter's reason when the record is filtered out. */
  read(rec: CsvRecord): string | undefined {
    const r = this.rules;
    this.provider = r.providerReader ? r.providerReader.read(rec) : r.providerConst;
    this.model = r.modelReader ? r.modelReader.read(rec) : r.modelConst;
    this.project = r.projectReader ? r.projectReader.read(rec) : r.projectConst;
    return this.filtering ? this.filterReason() : undefined;
  }

  /** The header name of a dimension's column, when it comes from one. */
  columnName(which: "model" | "provider" | "project"): string | undefined {
    const r = this.rules;
    const reader = which === "model" ? r.modelReader : which === "provider" ? r.providerReader : r.projectReader;
    return reader?.column.name;
  }

  /** The cube's id for the combination last read (the cube adds it when it is new). */
  combo(): number {
    const p = this.provider;
    const m = this.model;
    const j = this.project;
    if (this.lastP === p && this.lastM === m && this.lastJ === j) return this.lastCombo;
    const id = this.cube.combo(p, m, j);
    this.lastP = p;
    this.lastM = m;
    this.lastJ = j;
    this.lastCombo = id;
    return id;
  }

  /**
   * The fast path's lookup: the combination id straight from the record's bytes when this
   * combination was seen before, else read and filtered as `read` does. A string is the filter's reason.
   */
  comboOf(rec: CsvRecord): number | string {
    const raw = this.filtering ? -1 : this.interner.idFields(rec.buf, rec.starts, rec.ends, this.columns);
    if (raw >= 0) {
      const known = this.comboByRaw[raw];
      if (known !== undefined) return known;
    }
    const reason = this.read(rec);
    if (reason !== undefined) return reason;
    const combo = this.combo();
    if (raw >= 0) this.comboByRaw[raw] = combo;
    return combo;
  }

  private filterReason(): string | undefined {
    const f = this.filters;
    const cube = this.cube;
    if (!keeps(this.allowed.provider, this.provider, f.providers, cube.providers.values)) return "not a --provider";
    if (!keeps(this.allowed.model, this.model, f.models, cube.models.values)) return "not a --model";
    if (!keeps(this.allowed.project, this.project, f.projects, cube.projects.values)) return "not a --project";
    return undefined;
  }
}

function keeps(cache: (boolean | undefined)[], id: number, set: Set<string> | null, values: string[]): boolean {
  if (set === null) return true;
  let ok = cache[id];
  if (ok === undefined) {
    ok = set.has(values[id]!.toLowerCase());
    cache[id] = ok;
  }
  return ok;
}
