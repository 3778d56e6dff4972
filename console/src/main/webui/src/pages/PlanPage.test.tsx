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
