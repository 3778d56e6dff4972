import { describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import '../i18n';
import { ReportForm } from './ReportForm';

const ZJT = [{ id: 'org-zjt', name: '自治区住房和城乡建设厅' }];

function setup(onSubmit = vi.fn().mockResolvedValue(undefined)) {
  const user = userEvent.setup();
  render(<ReportForm orgs={ZJT} initial={{ period: '2026Q1' }} onSubmit={onSubmit} />);
  return { user, onSubmit };
}

const serverError = (code: string, message: string) =>
  new CombinedGraphQLErrors({ data: null, errors: [{ message, extensions: { code } }] });

describe('进度填报 form', () => {
  it('refuses to send without progress and summary, saying what is missing in Chinese', async () => {
    const { user, onSubmit } = setup();
    await user.click(screen.getByRole('button', { name: /提\s*交/ }));
    expect(await screen.findByText('请填写完成进度（%）')).toBeInTheDocument();
    expect(screen.getByText('请填写工作进展')).toBeInTheDocument();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('refuses a percentage above 100', async () => {
    const { user, onSubmit } = setup();
    await user.type(screen.getByLabelText('完成进度（%）'), '150');
    await user.type(screen.getByLabelText('工作进展'), '已完成摸底');
    await user.click(screen.getByRole('button', { name: /提\s*交/ }));
    expect(await screen.findByText('进度应为 0 到 100 之间的整数')).toBeInTheDocument();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('sends the organization, period and trimmed text of a valid report', async () => {
    const { user, onSubmit } = setup();
    await user.type(screen.getByLabelText('完成进度（%）'), '40');
    await user.type(screen.getByLabelText('工作进展'), '  已完成摸底调查  ');
    await user.type(screen.getByLabelText('存在问题'), '资金缺口');
    await user.click(screen.getByRole('button', { name: /提\s*交/ }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    expect(onSubmit.mock.calls[0][0]).toMatchObject({
      orgId: 'org-zjt',
      period: '2026Q1',
      percent: 40,
      summary: '已完成摸底调查',
      problems: '资金缺口',
    });
  });

  it('shows a CONFLICT from the server at the period field and above the form, without crashing', async () => {
    const { user } = setup(
      vi.fn().mockRejectedValue(serverError('CONFLICT', 'period: organization x already reported on task y for 2026Q1')),
    );
    await user.type(screen.getByLabelText('完成进度（%）'), '40');
    await user.type(screen.getByLabelText('工作进展'), '已完成');
    await user.click(screen.getByRole('button', { name: /提\s*交/ }));
    expect(await screen.findByText('本单位该期次已有待审核或已通过的填报；被退回后才能重新填报')).toBeInTheDocument();
    expect(screen.getByText('该记录已被他人修改，请查看最新内容后重新操作。')).toBeInTheDocument();
  });

  it('shows FORBIDDEN from the server as a message and keeps what was typed', async () => {
    const { user } = setup(vi.fn().mockRejectedValue(serverError('FORBIDDEN', 'not allowed')));
    await user.type(screen.getByLabelText('完成进度（%）'), '40');
    await user.type(screen.getByLabelText('工作进展'), '已完成');
    await user.click(screen.getByRole('button', { name: /提\s*交/ }));
    expect(await screen.findByText('您没有权限执行此操作，未做任何更改。')).toBeInTheDocument();
    expect(screen.getByLabelText('工作进展')).toHaveValue('已完成');
  });
});
