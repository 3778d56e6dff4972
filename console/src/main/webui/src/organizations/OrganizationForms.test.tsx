import { describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import '../i18n';
import { CreateOrganizationForm, RenameOrganizationForm, SuccessionForm } from './OrganizationForms';

// Forms of several antd inputs take long to drive on a busy shared machine: text is pasted (one input event), not
// typed key by key.
vi.setConfig({ testTimeout: 120_000 });
type User = ReturnType<typeof userEvent.setup>;
async function fill(user: User, field: HTMLElement, text: string) {
  await user.click(field);
  await user.paste(text);
}

const NMG = { code: 'nmg', name: '内蒙古自治区人民政府', level: 'PROVINCE' as const };
const serverError = (code: string, message: string) =>
  new CombinedGraphQLErrors({ data: null, errors: [{ message, extensions: { code } }] });
const save = () => screen.getByRole('button', { name: /保\s*存/ });

describe('新建机构 form', () => {
  const setup = (onSubmit = vi.fn().mockResolvedValue(undefined)) => {
    const user = userEvent.setup();
    render(<CreateOrganizationForm parent={NMG} onSubmit={onSubmit} />);
    return { user, onSubmit };
  };

  it('refuses to send without a name and with a code that is not lower-case words, saying so in Chinese', async () => {
    const { user, onSubmit } = setup();
    await user.clear(screen.getByLabelText('机构代码'));
    await fill(user, screen.getByLabelText('机构代码'), 'NMG.新厅');
    await user.click(save());
    expect(await screen.findByText('机构代码只能由小写字母和数字组成，用“.”或“-”分隔，如 nmg.zrzyt')).toBeInTheDocument();
    expect(await screen.findByText('请填写名称（全称）')).toBeInTheDocument();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('sends the new organization under the chosen parent, with its kind, level and trimmed aliases', async () => {
    const { user, onSubmit } = setup();
    await fill(user, screen.getByLabelText('机构代码'), 'sjj');
    await fill(user, screen.getByLabelText('名称（全称）'), '  自治区数据局 ');
    await fill(user, screen.getByLabelText('简称'), '数据局');
    await fill(user, screen.getByLabelText('别名'), '大数据局');
    await user.keyboard('{Enter}');
    await user.click(save());
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    expect(onSubmit.mock.calls[0][0]).toEqual({
      code: 'nmg.sjj',
      name: '自治区数据局',
      shortName: '数据局',
      kind: 'DEPARTMENT',
      level: 'PROVINCE',
      parentCode: 'nmg',
      aliases: ['大数据局'],
      region: null,
      validFrom: null,
    });
  });

  it('shows a taken code (CONFLICT) at the code field, in Chinese', async () => {
    const { user } = setup(vi.fn().mockRejectedValue(serverError('CONFLICT', 'An organization with code nmg.zjt already exists: 自治区住房和城乡建设厅')));
    await fill(user, screen.getByLabelText('机构代码'), 'zjt');
    await fill(user, screen.getByLabelText('名称（全称）'), '自治区住建厅');
    await user.click(save());
    const code = screen.getByLabelText('机构代码').closest('.ant-form-item') as HTMLElement;
    expect(await within(code).findByText('该机构代码已被使用，请换一个')).toBeInTheDocument();
    expect(screen.getByText('该记录已被他人修改，请查看最新内容后重新操作。')).toBeInTheDocument();
  });

  it('shows an unknown parent code (BAD_USER_INPUT) at the parent field', async () => {
    const { user } = setup(vi.fn().mockRejectedValue(serverError('BAD_USER_INPUT', 'parentCode: no organization has code nmg.x')));
    await fill(user, screen.getByLabelText('机构代码'), 'sjj');
    await fill(user, screen.getByLabelText('名称（全称）'), '自治区数据局');
    await user.click(save());
    const parent = screen.getByLabelText('上级机构代码').closest('.ant-form-item') as HTMLElement;
    expect(await within(parent).findByText('没有代码为“nmg.x”的机构')).toBeInTheDocument();
    expect(screen.getByText('以下内容不符合要求：上级机构代码')).toBeInTheDocument();
  });
});

describe('修改 (rename) form', () => {
  const ZJT = { name: '自治区住房和城乡建设厅', shortName: '住建厅', aliases: ['住房城乡建设厅'] };

  it('sends the new name and keeps the old one as an alias', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn().mockResolvedValue(undefined);
    render(<RenameOrganizationForm org={ZJT} onSubmit={onSubmit} />);
    await user.clear(screen.getByLabelText('名称（全称）'));
    await fill(user, screen.getByLabelText('名称（全称）'), '自治区住房城乡建设厅');
    expect(screen.getByLabelText('将原名称加入别名（以便按旧名称查找）')).toBeChecked();
    await user.click(save());
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    expect(onSubmit.mock.calls[0][0]).toEqual({
      name: '自治区住房城乡建设厅',
      shortName: '住建厅',
      aliases: ['住房城乡建设厅', '自治区住房和城乡建设厅'],
    });
  });

  it('refuses an empty name', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    render(<RenameOrganizationForm org={ZJT} onSubmit={onSubmit} />);
    await user.clear(screen.getByLabelText('名称（全称）'));
    await user.click(save());
    expect(await screen.findByText('请填写名称（全称）')).toBeInTheDocument();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('shows a stale version (CONFLICT) above the form and keeps what was typed', async () => {
    const user = userEvent.setup();
    render(<RenameOrganizationForm org={ZJT} onSubmit={vi.fn().mockRejectedValue(serverError('CONFLICT', 'nmg.zjt has changed since version 3 (now 4); read it again and retry'))} />);
    await user.clear(screen.getByLabelText('名称（全称）'));
    await fill(user, screen.getByLabelText('名称（全称）'), '新名称');
    await user.click(save());
    expect(await screen.findByText('该记录已被他人修改，请查看最新内容后重新操作。')).toBeInTheDocument();
    expect(screen.getByLabelText('名称（全称）')).toHaveValue('新名称');
  });
});

describe('机构改革 (succession) form', () => {
  const GTT = { code: 'nmg.gtzyt', name: '自治区国土资源厅' };
  const search = vi.fn(async (term: string) =>
    [{ code: 'nmg.zrzyt', name: '自治区自然资源厅' }, GTT].filter((o) => o.name.includes(term)),
  );

  it('refuses to send without the organization that takes over', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    render(<SuccessionForm org={GTT} search={search} onSubmit={onSubmit} />);
    await user.click(save());
    expect(await screen.findByText('请选择由哪个机构接替')).toBeInTheDocument();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('sends the successor found by name and the date, and shows a succession cycle at the successor field', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn().mockRejectedValue(
      serverError('BAD_USER_INPUT', 'successorCode: nmg.zrzyt already leads to nmg.gtzyt by succession; this would make a cycle'),
    );
    render(<SuccessionForm org={GTT} search={search} onSubmit={onSubmit} />);
    await fill(user, screen.getByRole('combobox'), '自然资源');
    await user.click(await screen.findByText('自治区自然资源厅（nmg.zrzyt）'));
    await user.click(save());
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    expect(onSubmit.mock.calls[0][0]).toMatchObject({ successorCode: 'nmg.zrzyt', date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    expect(await screen.findByText('所选机构已经（间接）由本机构接替，这样会形成循环')).toBeInTheDocument();
  });

  it('refuses the organization itself as its successor', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    render(<SuccessionForm org={GTT} search={search} onSubmit={onSubmit} />);
    await fill(user, screen.getByRole('combobox'), '国土');
    await user.click(await screen.findByText('自治区国土资源厅（nmg.gtzyt）'));
    await user.click(save());
    expect(await screen.findByText('机构不能由自身接替')).toBeInTheDocument();
    expect(onSubmit).not.toHaveBeenCalled();
  });
});
