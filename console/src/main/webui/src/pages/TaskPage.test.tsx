import { describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MockedProvider } from '@apollo/client/testing/react';
import type { MockLink } from '@apollo/client/testing';
import { App as AntApp } from 'antd';
import { MemoryRouter, Route, Routes } from 'react-router';
import '../i18n';
import { SubmitReportDocument, TaskDocument, type SubmitReportMutationVariables } from '../gql/graphql';
import { MeContext, type Me } from '../auth/me';
import { currentPeriod } from '../components/ReportForm';
import { TaskPage } from './TaskPage';

const ZJT = { __typename: 'Organization', id: 'org-zjt', name: '自治区住房和城乡建设厅' };
const PERIOD = currentPeriod();
const ME: Me = { __typename: 'Viewer', username: 'zjt.zhangsan', roles: ['reporter'], orgs: [{ __typename: 'Organization', id: 'org-zjt', code: 'nmg.zjt', name: ZJT.name }] };

function report(id: string, by: string, values: { percent: number; summary: string; problems: string; nextSteps: string }) {
  return {
    __typename: 'ProgressReport',
    id,
    org: ZJT,
    period: PERIOD,
    ...values,
    status: 'SUBMITTED',
    reportedBy: by,
    reportedAt: '2026-03-02T06:30:00Z',
    reviewComment: null,
    reviewedBy: null,
    reviewedAt: null,
  };
}

const THEIRS = report('r-lisi', 'zjt.lisi', { percent: 60, summary: '完成首批12个小区改造', problems: '冬季停工', nextSteps: '开春复工' });

function task(reports: unknown[]) {
  return {
    task: {
      __typename: 'Task',
      id: 't-1',
      number: '（一）',
      title: '推进城镇老旧小区改造',
      status: 'IN_PROGRESS',
      health: 'GREEN',
      healthReason: { __typename: 'HealthReason', kind: 'ON_TRACK', text: '进展正常' },
      progressPercent: 0,
      version: 0,
      deadline: { __typename: 'Deadline', date: '2030-12-31', ongoing: false, text: '2030年底前' },
      leadOrgs: [{ ...ZJT, ancestors: [] }],
      cooperatingOrgs: [],
      plan: { __typename: 'Plan', id: 'p-1', title: '城市更新实施方案' },
      description: null,
      createdBy: 'admin',
      createdAt: '2026-01-05T02:00:00Z',
      updatedBy: null,
      updatedAt: '2026-01-05T02:00:00Z',
      history: [],
      milestones: [],
      reports,
    },
  };
}

const taskQuery = (reports: unknown[]): MockLink.MockedResponse => ({
  request: { query: TaskDocument, variables: { id: 't-1' } },
  result: { data: task(reports) },
});

/** 提交: a CONFLICT the first time (someone else's report came first), then what `second` answers. */
function submissions(second: (vars: SubmitReportMutationVariables) => unknown) {
  const sent: SubmitReportMutationVariables[] = [];
  const conflict: MockLink.MockedResponse = {
    request: { query: SubmitReportDocument, variables: () => true },
    result: (vars: SubmitReportMutationVariables) => {
      sent.push(vars);
      return {
        errors: [{ message: `period: a report for this task, organization and period (${PERIOD}) is already open`, extensions: { code: 'CONFLICT' } }],
      } as never;
    },
  };
  const redo: MockLink.MockedResponse = {
    request: { query: SubmitReportDocument, variables: () => true },
    result: (vars: SubmitReportMutationVariables) => {
      sent.push(vars);
      return { data: second(vars) } as never;
    },
  };
  return { sent, mocks: [conflict, redo] };
}

function renderPage(mocks: MockLink.MockedResponse[]) {
  render(
    <MockedProvider mocks={mocks}>
      <AntApp>
        <MeContext.Provider value={ME}>
          <MemoryRouter initialEntries={['/tasks/t-1']}>
            <Routes>
              <Route path="/tasks/:id" element={<TaskPage />} />
            </Routes>
          </MemoryRouter>
        </MeContext.Provider>
      </AntApp>
    </MockedProvider>,
  );
  return userEvent.setup();
}

type User = ReturnType<typeof userEvent.setup>;

/** Text into a field as one paste: typing Chinese key by key re-renders the page per character (slow in jsdom). */
async function fill(user: User, label: string, text: string) {
  await user.click(screen.getByLabelText(label));
  await user.paste(text);
}

async function submitMine(user: User) {
  await screen.findByTestId('task-title', {}, { timeout: 15_000 });
  await fill(user, '完成进度（%）', '40');
  await fill(user, '工作进展', '完成摸底调查');
  await fill(user, '存在问题', '资金缺口');
  await user.click(screen.getByRole('button', { name: /提\s*交/ }));
  return screen.findByTestId('report-conflict', {}, { timeout: 15_000 });
}

// The whole task page renders in jsdom: slower than a form alone on a busy machine.
describe('进度填报 when someone else of the unit reported for the period meanwhile (CONFLICT)', { timeout: 180_000 }, () => {
  it('shows their saved report beside the unsaved input, and resubmits from theirs with the user\'s change', async () => {
    const redone = vi.fn((vars: SubmitReportMutationVariables) => ({
      submitProgressReport: {
        ...report('r-new', 'zjt.zhangsan', { percent: vars.percent!, summary: vars.summary, problems: vars.problems!, nextSteps: vars.nextSteps! }),
        task: { __typename: 'Task', id: 't-1', health: 'GREEN', progressPercent: 60, reports: [{ __typename: 'ProgressReport', id: 'r-new' }] },
      },
    }));
    const { sent, mocks } = submissions(redone);
    const user = renderPage([taskQuery([]), mocks[0], taskQuery([THEIRS]), mocks[1], taskQuery([THEIRS])]);

    const conflict = await submitMine(user);
    expect(within(conflict).getByText(/zjt\.lisi 已于 2026年3月2日 \d\d:\d\d 提交了本单位该期次的填报/)).toBeInTheDocument();
    expect(within(conflict).getByText(/对方的填报待审核：同一期次要等它被退回后才能再次提交/)).toBeInTheDocument();
    const theirs = within(screen.getByTestId('conflict-theirs'));
    expect(theirs.getByText('对方已保存的填报（待审核）')).toBeInTheDocument();
    expect(theirs.getByText('60%')).toBeInTheDocument();
    expect(theirs.getByText('完成首批12个小区改造')).toBeInTheDocument();
    expect(theirs.getByText('冬季停工')).toBeInTheDocument();
    expect(theirs.getByText('开春复工')).toBeInTheDocument();
    const mine = within(screen.getByTestId('conflict-mine'));
    expect(mine.getByText('40%')).toBeInTheDocument();
    expect(mine.getByText('完成摸底调查')).toBeInTheDocument();
    expect(mine.getByText('资金缺口')).toBeInTheDocument();
    expect(screen.getByLabelText('工作进展')).toHaveValue('完成摸底调查');

    await user.click(screen.getByRole('button', { name: '以对方的填报为起点修改' }));
    expect(screen.getByLabelText('完成进度（%）')).toHaveValue('60');
    expect(screen.getByLabelText('工作进展')).toHaveValue('完成首批12个小区改造');
    expect(screen.getByText(/已载入 zjt\.lisi 的填报，请在下方修改后重新提交/)).toBeInTheDocument();
    expect(within(screen.getByTestId('conflict-mine')).getByText('完成摸底调查')).toBeInTheDocument();
    await fill(user, '工作进展', '；摸底调查已完成');
    await user.click(screen.getByRole('button', { name: /提\s*交/ }));

    await waitFor(() => expect(redone).toHaveBeenCalledTimes(1));
    expect(sent[0]).toMatchObject({ percent: 40, summary: '完成摸底调查', problems: '资金缺口' });
    expect(sent[1]).toMatchObject({
      taskId: 't-1',
      orgId: 'org-zjt',
      period: PERIOD,
      percent: 60,
      summary: '完成首批12个小区改造；摸底调查已完成',
      problems: '冬季停工',
      nextSteps: '开春复工',
    });
    expect(await screen.findByText('已提交，等待牵头单位审核', {}, { timeout: 15_000 })).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByTestId('report-conflict')).not.toBeInTheDocument());
  });

  it('keeps their report when asked: the input is dropped and their report is in the list', async () => {
    const { mocks } = submissions(() => ({}));
    const user = renderPage([taskQuery([]), mocks[0], taskQuery([THEIRS]), taskQuery([THEIRS])]);

    await submitMine(user);
    await user.click(screen.getByRole('button', { name: '保留对方的填报，放弃我的内容' }));
    await waitFor(() => expect(screen.queryByTestId('report-conflict')).not.toBeInTheDocument());
    expect(screen.getByLabelText('工作进展')).toHaveValue('');
    expect(await screen.findByText('zjt.lisi')).toBeInTheDocument();
  });
});
