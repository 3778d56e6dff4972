import { describe, expect, it } from 'vitest';
import './i18n';
import { formatPeriod } from './format';

describe('periods of indicator values in Chinese', () => {
  it('writes a year and a plan period as staff do', () => {
    expect(formatPeriod('2025')).toBe('2025年');
    expect(formatPeriod('2021-2025')).toBe('2021—2025年');
  });
});
