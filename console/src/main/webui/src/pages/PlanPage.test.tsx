import { describe, expect, it } from 'vitest';
import { configure, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from 'antd';
import { MemoryRouter, Route, Routes } from 'react-router';
import { MockedProvider } from '@apollo/client/testing/react';
import type { MockLink } from '@apollo/client/testing';
import type { User, UserManager } from 'oidc-client-ts';
import '../i18n';
import { PlanDocument, PublishPlanDocument, type PlanQuery } from '../gql/graphql';
import { AuthContext } from '../auth/AuthContext';
import { MeContext, type Me } from '../auth/me';
import { PlanPage } from './PlanPage';

configure({ asyncUtilTimeout: 15_000 });

const NMG = { __typename: 'Organization' as const, id: 'nmg', code: 'nmg', name: '内蒙古自治区人民政府' };
const ZJT = { __typename: 'Organization' as const, id: 'zjt', code: 'nmg.zjt', name: '自治区住房和城乡建设厅' };

const plan: NonNullable<PlanQuery['plan']> = {
  __typename: 'Plan',
  id: 'plan-1',
  title: '示例市老旧小区改造三年行动任务分工方案（2025—2027年）',
  kind: 'TASK_DIVISION',
  docNumber: '示政办发〔2025〕12号',
  status: 'DRAFT',
  issuedOn: '2025-03-18',
  periodStart: 2025,
  periodEnd: 2027,
  version: 1,
  issuer: { __typename: 'Organization', id: 'zjt', name: ZJT.name, ancestors: [{ __typename: 'Organization', id: 'nmg' }] },
  outline: [],
  tasks: { __typename: 'TaskConnection', totalCount: 0, edges: [] },
};

const planMock: MockLink.MockedResponse = { request: { query: PlanDocument, variables: { id: 'plan-1' } }, result: { data: { plan } } };

function setup(me: Me, mocks: MockLink.MockedResponse[] = [planMock]) {
  const user = userEvent.setup();
  const auth = { user: {} as User, userManager: {} as UserManager, graphqlUrl: 'http://gateway/graphql' };
  render(
    <MockedProvider mocks={mocks}>
      <App>
        <AuthContext.Provider value={auth}>
          <MeContext.Provider value={me}>
            <MemoryRouter initialEntries={['/plans/plan-1']}>
              <Routes>
                <Route path="/plans/:id" element={<PlanPage />} />
              </Routes>
            </MemoryRouter>
          </MeContext.Provider>
        </AuthContext.Provider>
      </App>
    </MockedProvider>,
  );
  return user;
}

const person = (role: string, org = NMG): Me => ({ __typename: 'Viewer', username: role, roles: [role], orgs: [org] });

describe('发布 on the plan page', { timeout: 180_000 }, () => {
  it('a planner above the issuer publishes a draft after confirming, and the status becomes 已发布', async () => {
    let published = 0;
    const user = setup(person('planner'), [
      planMock,
      {
        request: { query: PublishPlanDocument, variables: { id: 'plan-1' } },
        result: () => {
          published += 1;
          return {
            data: {
              publishPlan: {
                __typename: 'Plan', id: 'plan-1', status: 'PUBLISHED', version: 2,
                updatedAt: '2026-01-05T10:00:00+08:00', updatedBy: 'planner',
              },
            },
          };
        },
      },
    ]);
    expect(await screen.findByTestId('plan-status')).toHaveTextContent('草稿');
    await user.click(screen.getByTestId('plan-publish'));
    const confirm = (await screen.findByText('发布该规划？')).closest('.ant-popover') as HTMLElement;
    expect(published).toBe(0);
    await user.click(within(confirm).getByRole('button', { name: /发\s*布/ }));
    expect(await screen.findByText('已发布')).toBeInTheDocument();
    expect(published).toBe(1);
    expect(screen.getByTestId('plan-status')).toHaveAttribute('data-status', 'PUBLISHED');
    expect(screen.queryByTestId('plan-publish')).not.toBeInTheDocument();
  });

  it.each([
    ['a viewer', person('viewer')],
    ['a reporter of the issuer', person('reporter', ZJT)],
    ['a planner of another organization', person('planner', { ...NMG, id: 'gx' })],
  ])('%s sees no 发布', async (_, me) => {
    setup(me);
    expect(await screen.findByTestId('plan-status')).toHaveTextContent('草稿');
    expect(screen.queryByTestId('plan-publish')).not.toBeInTheDocument();
  });
});

type PlanTask = NonNullable<PlanQuery['plan']>['tasks']['edges'][number]['node'];
const task = (id: string, number: string, title: string): PlanTask => ({
  __typename: 'Task', id, number, title, status: 'IN_PROGRESS', health: 'GREEN', progressPercent: 40, version: 1,
  healthReason: { __typename: 'HealthReason', kind: 'ON_TRACK', text: '进度正常' },
  deadline: { __typename: 'Deadline', date: '2027-06-30', ongoing: false, text: '2027年6月底前' },
  leadOrgs: [{ __typename: 'Organization', id: 'zjt', name: ZJT.name }], cooperatingOrgs: [],
  plan: { __typename: 'Plan', id: 'plan-1', title: plan.title },
});
const planWithTasks = (outline: NonNullable<PlanQuery['plan']>['outline']): MockLink.MockedResponse => ({
  request: { query: PlanDocument, variables: { id: 'plan-1' } },
  result: {
    data: {
      plan: {
        ...plan,
        outline,
        tasks: {
          __typename: 'TaskConnection', totalCount: 2,
          edges: [task('t1', '1', '完成老旧小区摸底调查'), task('t2', '2', '编制年度改造计划')].map((node) => ({ __typename: 'TaskEdge' as const, node })),
        },
      },
    },
  },
});

describe('目录 on the plan page', { timeout: 180_000 }, () => {
  it('a plan without headings shows its tasks without an empty 目录 beside them', async () => {
    setup(person('viewer'), [planWithTasks([])]);
    expect(await screen.findByText('完成老旧小区摸底调查')).toBeInTheDocument();
    expect(screen.getByText('编制年度改造计划')).toBeInTheDocument();
    expect(screen.queryByTestId('plan-outline')).not.toBeInTheDocument();
  });

  it('a plan with headings shows 目录, and choosing a heading lists only the tasks under it', async () => {
    const section = (id: string, number: string, heading: string, taskIds: string[]) => ({
      __typename: 'Section' as const, id, number, heading, tasks: taskIds.map((t) => ({ __typename: 'Task' as const, id: t })), children: [],
    });
    const user = setup(person('viewer'), [
      planWithTasks([section('s1', '一、', '摸清底数', ['t1']), section('s2', '二、', '统筹推进', ['t2'])]),
    ]);
    const outline = await screen.findByTestId('plan-outline');
    expect(screen.getByText('编制年度改造计划')).toBeInTheDocument();
    await user.click(within(outline).getByText('二、 统筹推进'));
    expect(screen.queryByText('完成老旧小区摸底调查')).not.toBeInTheDocument();
    expect(screen.getByText('编制年度改造计划')).toBeInTheDocument();
  });
});
