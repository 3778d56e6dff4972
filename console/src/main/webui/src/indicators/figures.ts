/**
 * What the indicator screens compute from what the API answers: each region's current value, the 合计 of a
 * task-division table (任务分解表) and its check against the overall target, and the chart's planned line and
 * actual values. Pure functions, so that the rules are tested without a browser.
 */

export interface Period {
  start: number;
  end: number;
}

/** `2025` or `2021-2025` (the API stores a range with a hyphen); null for anything else. */
export function parsePeriod(text: string): Period | null {
  const range = /^\s*(\d{4})\s*[-—–]\s*(\d{4})\s*$/.exec(text);
  if (range) return { start: Number(range[1]), end: Number(range[2]) };
  const year = /^\s*(\d{4})\s*$/.exec(text);
  return year ? { start: Number(year[1]), end: Number(year[1]) } : null;
}

/** The newer state first: the later end year, then the shorter period (a year is more recent news than a range). */
export function comparePeriods(a: string, b: string): number {
  const pa = parsePeriod(a);
  const pb = parsePeriod(b);
  if (!pa || !pb) return pa ? 1 : pb ? -1 : 0;
  return pa.end - pb.end || pa.start - pb.start;
}

export interface ObservationLike {
  id: string;
  period: string;
  value: number;
  supersedes?: string | null;
  region?: { id: string } | null;
}

/** Observations nobody corrected: a correction supersedes the old value, and both stay in the list. */
export function currentObservations<T extends ObservationLike>(observations: readonly T[]): T[] {
  const superseded = new Set(observations.map((o) => o.supersedes).filter((id): id is string => !!id));
  return observations.filter((o) => !superseded.has(o.id));
}

/** Key of the whole area (an observation without a region) in maps by region. */
export const WHOLE_AREA = 'WHOLE_AREA';

/** Each region's newest current value (by period), the whole area under {@link WHOLE_AREA}. */
export function latestByRegion<T extends ObservationLike>(observations: readonly T[]): Map<string, T> {
  const latest = new Map<string, T>();
  for (const o of currentObservations(observations)) {
    const key = o.region?.id ?? WHOLE_AREA;
    const known = latest.get(key);
    if (!known || comparePeriods(o.period, known.period) > 0) latest.set(key, o);
  }
  return latest;
}

/** The same relative tolerance as indicator-service, so 0.1 + 0.2 adds up to 0.3 here as there. */
export function nearlyEqual(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

export interface RegionalTotal {
  /** The rows added up; null when the unit does not add up across regions (%, 率, per person). */
  sum: number | null;
  /** The overall target the rows are held to; null when no comparison makes sense for this period. */
  expected: number | null;
  /** expected − sum when they differ, else null. */
  shortfall: number | null;
}

/**
 * The 合计 of one period's regional targets and whether it matches the indicator's overall target. Only an additive
 * unit (万亩, 公里, 个) adds up across regions (docs/domain.md §3); a rate's regional targets are never summed. Only
 * the period that ends in the target year is held to the overall target (a yearly breakdown of a five-year target
 * need not add up to it); without a target year, a plan period (a range of years) is.
 */
export function regionalTotal(
  rows: readonly { value: number }[],
  period: string,
  indicator: { additive: boolean; target: { value: number; year?: number | null } },
): RegionalTotal {
  if (!indicator.additive) return { sum: null, expected: null, shortfall: null };
  const sum = rows.reduce((total, row) => total + row.value, 0);
  const p = parsePeriod(period);
  const comparable =
    p != null && (indicator.target.year != null ? p.end === indicator.target.year : p.end > p.start);
  if (!comparable || rows.length === 0) return { sum, expected: null, shortfall: null };
  const expected = indicator.target.value;
  return { sum, expected, shortfall: nearlyEqual(sum, expected) ? null : expected - sum };
}

export interface ChartData {
  years: number[];
  /** The straight line from baseline to target, per year (null outside it). */
  planned: (number | null)[];
  /** The whole area's current value per year (null: none reported). */
  actual: (number | null)[];
  /** For an additive unit: the sum of the regions' current values per year, when regions reported. */
  regionalSum: (number | null)[] | null;
}

/**
 * The chart of an indicator: years from the baseline (or the first value) to the target (or the last value) on the
 * x axis. A value for a range of years (2021-2025) counts for its last year; a value for that single year wins.
 */
export function chartData(indicator: {
  additive: boolean;
  baseline?: { value: number; year?: number | null } | null;
  target: { value: number; year?: number | null };
  observations: readonly ObservationLike[];
}): ChartData {
  const current = currentObservations(indicator.observations);
  const byYear = (region: string) => {
    const values = new Map<number, { value: number; single: boolean }>();
    for (const o of current) {
      if ((o.region?.id ?? WHOLE_AREA) !== region) continue;
      const p = parsePeriod(o.period);
      if (!p) continue;
      const single = p.start === p.end;
      const known = values.get(p.end);
      if (!known || (single && !known.single)) values.set(p.end, { value: o.value, single });
    }
    return values;
  };
  const whole = byYear(WHOLE_AREA);
  const regions = [...new Set(current.map((o) => o.region?.id).filter((id): id is string => !!id))];
  const perRegion = regions.map(byYear);

  const b = indicator.baseline;
  const t = indicator.target;
  const line = b?.year != null && t.year != null && t.year > b.year ? { from: b.year, to: t.year } : null;
  const observedYears = [...whole.keys(), ...perRegion.flatMap((m) => [...m.keys()])];
  const anchors = [...observedYears, ...(b?.year != null ? [b.year] : []), ...(t.year != null ? [t.year] : [])];
  if (anchors.length === 0) return { years: [], planned: [], actual: [], regionalSum: null };
  const first = Math.min(...anchors);
  const last = Math.max(...anchors);
  const years = Array.from({ length: last - first + 1 }, (_, i) => first + i);

  const planned = years.map((y) => {
    if (line && b) {
      if (y < line.from || y > line.to) return null;
      return b.value + ((t.value - b.value) * (y - line.from)) / (line.to - line.from);
    }
    return y === t.year ? t.value : null;
  });
  const actual = years.map((y) => whole.get(y)?.value ?? null);
  const regionalSum =
    indicator.additive && perRegion.length > 0
      ? years.map((y) => {
          const values = perRegion.map((m) => m.get(y)?.value).filter((v): v is number => v != null);
          return values.length ? values.reduce((s, v) => s + v, 0) : null;
        })
      : null;
  return { years, planned, actual, regionalSum };
}

export interface ValueLimits {
  min?: number;
  max?: number;
}

/**
 * What a value in the unit may be, as far as the console knows (the server checks every unit): a rate in % lies
 * between 0 and 100, in ‰ between 0 and 1000; an additive quantity (万亩, 个) is not negative, except money.
 */
export function valueLimits(unit: string | null | undefined, additive: boolean): ValueLimits {
  if (unit === '%') return { min: 0, max: 100 };
  if (unit === '‰') return { min: 0, max: 1000 };
  if (additive && !(unit ?? '').endsWith('元')) return { min: 0 };
  return {};
}
