import { describe, expect, it } from 'vitest';
import { fileName, taskLedgerPath } from './ledger';

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

describe('the ledger of a filtered task list', () => {
  it('carries 我的任务\'s filters: mine, role, health, 被退回 and the search, percent-encoded', () => {
    const url = new URL(taskLedgerPath({ mine: true, role: 'LEAD', health: 'RED', returned: true, search: '城市 更新&' }), 'http://x');
    expect(url.pathname).toBe('/ledger/tasks.xlsx');
    expect(Object.fromEntries(url.searchParams)).toEqual({ mine: 'true', role: 'LEAD', health: 'RED', returned: 'true', search: '城市 更新&' });
  });

  it('leaves out filters the screen does not set, so 全部 downloads everything of the list', () => {
    expect(taskLedgerPath({ mine: true, role: 'ANY', health: undefined, reportDue: undefined, returned: false, search: undefined }))
      .toBe('/ledger/tasks.xlsx?mine=true&role=ANY');
    expect(taskLedgerPath({})).toBe('/ledger/tasks.xlsx');
  });

  it('names the drill-down\'s organization, health, plan and order, and repeats a status per value', () => {
    const url = new URL(
      taskLedgerPath({ orgId: 'o-1', role: 'LEAD', health: 'YELLOW', planId: 'p-1', sortBy: 'DEADLINE', status: ['NOT_STARTED', 'IN_PROGRESS'] }),
      'http://x',
    );
    expect(url.searchParams.get('orgId')).toBe('o-1');
    expect(url.searchParams.get('planId')).toBe('p-1');
    expect(url.searchParams.get('sortBy')).toBe('DEADLINE');
    expect(url.searchParams.getAll('status')).toEqual(['NOT_STARTED', 'IN_PROGRESS']);
  });
});
