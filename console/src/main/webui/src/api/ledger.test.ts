import { describe, expect, it } from 'vitest';
import { fileName } from './ledger';

describe('the ledger file name', () => {
  it('is the Chinese name of filename* when the server sends one', () => {
    expect(fileName(`attachment; filename="ledger-2026-12-05.xlsx"; filename*=UTF-8''${encodeURIComponent('城市更新方案-台账-2026-12-05.xlsx')}`))
      .toBe('城市更新方案-台账-2026-12-05.xlsx');
  });

  it('falls back to the plain filename, and to nothing without a header', () => {
    expect(fileName('attachment; filename="ledger-2026-12-05.xlsx"')).toBe('ledger-2026-12-05.xlsx');
    expect(fileName(null)).toBeUndefined();
  });
});
