import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import { MockedProvider } from '@apollo/client/testing/react';
import { OrganizationNamesDocument } from '../gql/graphql';
import i18n from '../i18n';
import { TaskHistory, describeValue, orgIdsOf } from './TaskHistory';

const ZJT = '11111111-1111-4111-8111-111111111111';
const FGW = '22222222-2222-4222-8222-222222222222';
const GAT = '33333333-3333-4333-8333-333333333333';

const change = (field: string, before: string | null, after: string | null) => ({ __typename: 'FieldChange' as const, field, before, after });
const HISTORY = [
  {
    __typename: 'HistoryEntry' as const,
    at: '2026-03-05T02:00:00Z',
    actor: 'planner',
    action: 'UPDATE',
    changes: [
      change('leadOrgIds', JSON.stringify([ZJT]), JSON.stringify([ZJT, FGW])),
      change('cooperatingOrgIds', JSON.stringify([GAT]), '[]'),
      change('deadlineDate', '2030-12-31', '2028-06-30'),
      change('deadlineOngoing', 'true', 'false'),
      change('status', 'NOT_STARTED', 'IN_PROGRESS'),
      change('version', '0', '1'),
    ],
  },
];

describe('a task\'s change history', () => {
  it('names the organizations of all changes from one request, with Chinese dates, 是/否 and status names', async () => {
    const asked = vi.fn();
    const mocks = [
      {
        request: { query: OrganizationNamesDocument, variables: () => true },
        result: (vars: { ids: string[] }) => {
          asked(vars.ids);
          return {
          data: {
            organizations: {
              __typename: 'OrganizationConnection',
              edges: [
                { __typename: 'OrganizationEdge', node: { __typename: 'Organization', id: ZJT, name: '自治区住房和城乡建设厅' } },
                { __typename: 'OrganizationEdge', node: { __typename: 'Organization', id: FGW, name: '自治区发展和改革委员会' } },
                { __typename: 'OrganizationEdge', node: { __typename: 'Organization', id: GAT, name: '自治区公安厅' } },
              ],
            },
          },
          };
        },
      },
    ];
    render(
      <MockedProvider mocks={mocks}>
        <TaskHistory history={HISTORY} />
      </MockedProvider>,
    );

    expect(await screen.findByText(/：自治区住房和城乡建设厅 → 自治区住房和城乡建设厅、自治区发展和改革委员会/)).toBeInTheDocument();
    expect(screen.getByText(/：自治区公安厅 → （空）/)).toBeInTheDocument();
    expect(screen.getByText(/：2030年12月31日 → 2028年6月30日/)).toBeInTheDocument();
    expect(screen.getByText(/：是 → 否/)).toBeInTheDocument();
    expect(screen.getByText(/：未开始 → 推进中/)).toBeInTheDocument();
    expect(screen.queryByText(ZJT, { exact: false })).not.toBeInTheDocument();
    expect(screen.queryByText('version', { exact: false })).not.toBeInTheDocument();
    expect(asked).toHaveBeenCalledTimes(1);
    expect(asked.mock.calls[0][0]).toEqual([ZJT, FGW, GAT].sort());
  });

  it('a 催办 and a reopened period name the unit, the people reached and the day, not ids', () => {
    const names = new Map([[ZJT, '自治区住房和城乡建设厅']]);
    const t = i18n.t.bind(i18n);
    const remind = [{ ...HISTORY[0], action: 'REMIND', changes: [change('orgId', null, ZJT), change('recipients', null, '["zjt.reporter","zjt.planner"]')] }];
    expect(orgIdsOf(remind)).toEqual([ZJT]);
    expect(describeValue('orgId', ZJT, names, t)).toBe('自治区住房和城乡建设厅');
    expect(describeValue('reopenedOrgId', GAT, names, t)).toBe('（未知单位）');
    expect(describeValue('recipients', '["zjt.reporter","zjt.planner"]', names, t)).toBe('zjt.reporter、zjt.planner');
    expect(describeValue('reopenedUntil', '2026-12-19', names, t)).toBe('2026年12月19日');
    expect(describeValue('reportCadence', 'MONTHLY', names, t)).toBe('按月');
  });
});
