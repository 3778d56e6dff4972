import { describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MockedProvider } from '@apollo/client/testing/react';
import type { MockLink } from '@apollo/client/testing';
import { MemoryRouter } from 'react-router';
import '../i18n';
import { HealthCountPageDocument, LeadTasksDocument, OverdueTasksDocument, PlanOptionsDocument } from '../gql/graphql';
import { DashboardPage } from './DashboardPage';

// ECharts needs a canvas, which jsdom lacks; the chart draws the same rows as the table.
vi.mock('../components/EChart', () => ({ EChart: () => <div data-testid="echart" /> }));
// The ledger's download needs a signed-in session; not what this test is about.
vi.mock('../components/LedgerButton', () => ({ LedgerButton: () => null }));

const row = (i: number, red: number) => ({
  __typename: 'OrgHealthCount',
  org: { __typename: 'Organization', id: `org-${i}`, code: `nmg.d${i}`, name: `第${i}单位` },
  green: 1,
  yellow: 0,
  red,
  done: 0,
  total: red + 1,
});

/** A province of 25 lead organizations: the first page holds 20 (most red first), the second the other 5. */
function page(rows: ReturnType<typeof row>[], hasNextPage: boolean, endCursor: string) {
  return {
    data: {
      healthCountPage: {
        __typename: 'OrgHealthCountConnection',
        totalCount: 25,
        sum: { __typename: 'HealthCountSum', green: 25, yellow: 0, red: 1234, done: 0, total: 1259 },
        pageInfo: { __typename: 'PageInfo', hasNextPage, endCursor },
        edges: rows.map((node) => ({ __typename: 'OrgHealthCountEdge', node })),
      },
    },
  };
}

const FIRST = Array.from({ length: 20 }, (_, i) => row(i + 1, 100 - i));
const SECOND = Array.from({ length: 5 }, (_, i) => row(i + 21, 5 - i));

describe('督查看板', () => {
  it('shows 20 organizations with the sums of all of them, pages on with the cursor, and a count opens its tasks', async () => {
    const asked: unknown[] = [];
    const dashboardPage: MockLink.MockedResponse = {
      request: { query: HealthCountPageDocument, variables: () => true },
      result: (vars: { after?: string }) => {
        asked.push(vars);
        return vars.after === 'after-20' ? page(SECOND, false, 'after-25') : page(FIRST, true, 'after-20');
      },
      maxUsageCount: 10,
    };
    const leadTasks: MockLink.MockedResponse = {
      request: { query: LeadTasksDocument, variables: () => true },
      result: {
        data: { tasks: { __typename: 'TaskConnection', totalCount: 0, pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null }, edges: [] } },
      },
    };
    const none = (query: unknown): MockLink.MockedResponse => ({
      request: { query: query as never, variables: () => true },
      result: { data: null as never },
      maxUsageCount: 10,
    });
    render(
      <MockedProvider mocks={[dashboardPage, leadTasks, none(OverdueTasksDocument), none(PlanOptionsDocument)]}>
        <MemoryRouter>
          <DashboardPage />
        </MemoryRouter>
      </MockedProvider>,
    );
    const user = userEvent.setup();

    expect(await screen.findByTestId('count-nmg.d1-RED', {}, { timeout: 15_000 })).toHaveTextContent('100');
    expect(screen.getByTestId('count-nmg.d20-RED')).toHaveTextContent('81');
    expect(screen.queryByTestId('count-nmg.d21-RED')).toBeNull();
    const sums = screen.getByTestId('dashboard-sum');
    expect(within(sums).getByText('全部单位合计（25 个牵头单位）')).toBeInTheDocument();
    expect(within(sums).getByTestId('sum-RED')).toHaveTextContent('1,234');
    expect(screen.getByTestId('pager-page')).toHaveTextContent('第 1 / 2 页');

    await user.click(screen.getByRole('button', { name: /下一页/ }));
    expect(await screen.findByTestId('count-nmg.d21-RED')).toHaveTextContent('5');
    expect(screen.queryByTestId('count-nmg.d1-RED')).toBeNull();
    expect(screen.getByTestId('pager-page')).toHaveTextContent('第 2 / 2 页');
    expect(asked).toContainEqual(expect.objectContaining({ first: 20, after: 'after-20' }));

    await user.click(screen.getByTestId('count-nmg.d21-RED'));
    expect(await screen.findByTestId('drill-title')).toHaveTextContent('第21单位');
  });
});
