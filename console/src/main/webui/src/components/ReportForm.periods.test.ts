import { describe, expect, it } from 'vitest';
import { currentPeriod } from './ReportForm';

describe('the report form proposes the current period of the task\'s cadence', () => {
  const december = new Date(2026, 11, 5);
  const january = new Date(2027, 0, 1);
  it('in the code the server takes for each cadence', () => {
    expect(currentPeriod('MONTHLY', december)).toBe('2026-12');
    expect(currentPeriod('QUARTERLY', december)).toBe('2026Q4');
    expect(currentPeriod('HALF_YEARLY', december)).toBe('2026H2');
    expect(currentPeriod('YEARLY', december)).toBe('2026');
  });
  it('across the year end', () => {
    expect(currentPeriod('MONTHLY', january)).toBe('2027-01');
    expect(currentPeriod('QUARTERLY', january)).toBe('2027Q1');
    expect(currentPeriod('HALF_YEARLY', january)).toBe('2027H1');
  });
  it('quarterly when the cadence is not known yet', () => {
    expect(currentPeriod(undefined, new Date(2026, 5, 30))).toBe('2026Q2');
  });
});
