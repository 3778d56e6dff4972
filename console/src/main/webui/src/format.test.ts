import { describe, expect, it } from 'vitest';
import './i18n';
import { formatPeriod } from './format';

describe('periods of indicator values in Chinese', () => {
  it('writes a year and a plan period as staff do', () => {
    expect(formatPeriod('2025')).toBe('2025年');
    expect(formatPeriod('2021-2025')).toBe('2021—2025年');
  });
});

describe('reporting period codes in Chinese', () => {
  it('reads as the period labels of 报送情况, and free text stays as written', () => {
    expect(formatPeriod('2026Q4')).toBe('2026年第四季度');
    expect(formatPeriod('2026-03')).toBe('2026年3月');
    expect(formatPeriod('2026H1')).toBe('2026年上半年');
    expect(formatPeriod('2026H2')).toBe('2026年下半年');
    expect(formatPeriod('2026年一季度')).toBe('2026年一季度');
    expect(formatPeriod('2026-13')).toBe('2026-13');
  });
});
