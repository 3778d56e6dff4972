import { describe, expect, it } from 'vitest';
import { chartData, latestByRegion, regionalTotal, valueLimits, WHOLE_AREA } from './figures';

const MU = { additive: true, target: { value: 100, year: 2025 } };
const RATE = { additive: false, target: { value: 65, year: 2025 } };

describe('合计 of a task-division table', () => {
  it('adds the regional targets of an additive unit and finds they match the overall target', () => {
    expect(regionalTotal([{ value: 60 }, { value: 40 }], '2021-2025', MU)).toEqual({ sum: 100, expected: 100, shortfall: null });
  });

  it('reports how much the regional targets fall short of the overall target', () => {
    expect(regionalTotal([{ value: 60 }, { value: 30 }], '2021-2025', MU)).toEqual({ sum: 90, expected: 100, shortfall: 10 });
  });

  it('reports regional targets that exceed the overall target as a negative shortfall', () => {
    expect(regionalTotal([{ value: 70 }, { value: 40 }], '2025', MU).shortfall).toBe(-10);
  });

  it('takes rounding noise of decimals (0.1 + 0.2) as adding up', () => {
    const target = { additive: true, target: { value: 0.3, year: 2025 } };
    expect(regionalTotal([{ value: 0.1 }, { value: 0.2 }], '2021-2025', target).shortfall).toBeNull();
  });

  it('never adds up the regional targets of a rate (%), so there is no sum and no warning', () => {
    expect(regionalTotal([{ value: 60 }, { value: 70 }], '2021-2025', RATE)).toEqual({ sum: null, expected: null, shortfall: null });
  });

  it('does not hold a yearly breakdown to a target of a later year', () => {
    expect(regionalTotal([{ value: 10 }, { value: 20 }], '2022', MU)).toEqual({ sum: 30, expected: null, shortfall: null });
  });

  it('without a target year, holds the plan period (a range) to the target but not a single year', () => {
    const noYear = { additive: true, target: { value: 100, year: null } };
    expect(regionalTotal([{ value: 50 }], '2021-2025', noYear).shortfall).toBe(50);
    expect(regionalTotal([{ value: 50 }], '2022', noYear).shortfall).toBeNull();
  });
});

const obs = (id: string, period: string, value: number, region?: string, supersedes?: string) => ({
  id,
  period,
  value,
  supersedes: supersedes ?? null,
  region: region ? { id: region } : null,
});

describe('latest value of each region', () => {
  it('takes the newest period and ignores values corrected later', () => {
    const latest = latestByRegion([
      obs('c', '2024', 33, 'hhht', 'b'),
      obs('b', '2024', 30, 'hhht'),
      obs('a', '2023', 20, 'hhht'),
      obs('w', '2021-2025', 90),
      obs('x', '2022', 40),
    ]);
    expect(latest.get('hhht')?.value).toBe(33);
    expect(latest.get(WHOLE_AREA)?.value).toBe(90);
  });
});

describe('chart of an indicator', () => {
  it('draws the straight line from baseline year to target year and the whole area’s values in their years', () => {
    const data = chartData({
      additive: false,
      baseline: { value: 60, year: 2020 },
      target: { value: 65, year: 2025 },
      observations: [obs('c', '2021-2025', 64.5), obs('b', '2022', 62, undefined, 'x'), obs('x', '2022', 70), obs('a', '2025', 64)],
    });
    expect(data.years).toEqual([2020, 2021, 2022, 2023, 2024, 2025]);
    expect(data.planned).toEqual([60, 61, 62, 63, 64, 65]);
    // 70 was corrected to 62; the value for the year 2025 wins over the one for the period 2021-2025.
    expect(data.actual).toEqual([null, null, 62, null, null, 64]);
    expect(data.regionalSum).toBeNull();
  });

  it('adds up the regions’ values of an additive unit per year, beside the whole area’s', () => {
    const data = chartData({
      additive: true,
      baseline: { value: 0, year: 2021 },
      target: { value: 100, year: 2023 },
      observations: [obs('a', '2022', 20, 'hhht'), obs('b', '2022', 15, 'bt')],
    });
    expect(data.regionalSum).toEqual([null, 35, null]);
    expect(data.actual).toEqual([null, null, null]);
  });
});

describe('what a value may be in its unit', () => {
  it('a rate lies between 0 and 100 %, a quantity is not negative, money may be', () => {
    expect(valueLimits('%', false)).toEqual({ min: 0, max: 100 });
    expect(valueLimits('万亩', true)).toEqual({ min: 0 });
    expect(valueLimits('亿元', true)).toEqual({});
  });
});
