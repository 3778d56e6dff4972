import { describe, expect, it, vi } from 'vitest';
import { configure, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from 'antd';
import { MockedProvider } from '@apollo/client/testing/react';
import type { MockLink } from '@apollo/client/testing';
import '../i18n';
import { StaffMembersDocument, type StaffMembersQuery } from '../gql/graphql';
import { AddStaffForm, StaffPanel } from './StaffPanel';
import { assignableStaffRoles, canManageStaff } from '../auth/permissions';

configure({ asyncUtilTimeout: 15_000 });
vi.setConfig({ testTimeout: 120_000 });

const ZJT = { id: 'zjt', code: 'nmg.zjt', name: '自治区住房和城乡建设厅' };
const chief = { roles: ['org-admin', 'viewer'], orgs: [{ id: 'zjt' }] };

const member = (username: string, roles: StaffMembersQuery['staffMembers'][number]['roles'], extra: Partial<StaffMembersQuery['staffMembers'][number]> = {}) => ({
  __typename: 'StaffMember' as const,
  username,
  firstName: '小明',
  lastName: '王',
  email: `${username}@zjt.example`,
  enabled: true,
  roles,
  organizationCodes: ['nmg.zjt'],
  admin: false,
  ...extra,
});

function renderPanel(mocks: MockLink.MockedResponse[]) {
  render(
    <MockedProvider mocks={mocks}>
      <App>
        <StaffPanel org={ZJT} person={chief} />
      </App>
    </MockedProvider>,
  );
}

describe('成员 panel', () => {
  it('lists the members with their roles and state in Chinese, and offers no buttons on an administrator account', async () => {
    renderPanel([
      {
        request: { query: StaffMembersDocument, variables: { organizationId: 'zjt' } },
        result: {
          data: {
            staffMembers: [
              member('admin', [], { admin: true }),
              member('zjt.reporter', ['REPORTER']),
              member('zjt.gone', ['VIEWER'], { enabled: false }),
            ],
            staffHistory: [
              { __typename: 'StaffChange', at: '2026-12-05T09:00:00+08:00', actor: 'zjt.orgadmin', action: 'DISABLE', username: 'zjt.gone', changes: [] },
            ],
          },
        },
      },
    ]);
    const row = (name: string) => screen.getByRole('cell', { name }).closest('tr') as HTMLElement;
    await screen.findByRole('cell', { name: 'zjt.reporter' });
    expect(within(row('zjt.reporter')).getByText('填报员')).toBeInTheDocument();
    expect(within(row('zjt.reporter')).getByText('启用')).toBeInTheDocument();
    expect(within(row('zjt.gone')).getByText('已停用')).toBeInTheDocument();
    expect(within(row('zjt.gone')).getByRole('button', { name: /启\s*用/ })).toBeInTheDocument();
    expect(within(row('admin')).queryByRole('button')).toBeNull();
    expect(within(row('admin')).getByText('系统管理员（在统一身份认证中管理）')).toBeInTheDocument();
    expect(screen.getByText(/zjt\.orgadmin 停用 zjt\.gone/)).toBeInTheDocument();
  });

  it('says in Chinese who may manage members when the server refuses (FORBIDDEN)', async () => {
    renderPanel([
      {
        request: { query: StaffMembersDocument, variables: { organizationId: 'zjt' } },
        result: { errors: [{ message: 'chief may not see the members of nmg.zjt', extensions: { code: 'FORBIDDEN' } }] },
      },
    ]);
    expect(await screen.findByText('只有管理员和本单位的成员管理员可以管理成员。')).toBeInTheDocument();
  });
});

describe('添加成员 form', () => {
  it('refuses a username Keycloak would not keep, saying so in Chinese, and sends nothing', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn().mockResolvedValue(undefined);
    render(<AddStaffForm roles={['PLANNER', 'REPORTER', 'VIEWER']} onSubmit={onSubmit} />);
    await user.click(screen.getByLabelText('账号'));
    await user.paste('王 小明');
    await user.click(screen.getByRole('button', { name: /保\s*存/ }));
    expect(await screen.findByText('账号只能由小写字母、数字和 . _ - 组成，2—63 个字符')).toBeInTheDocument();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('sends the colleague with trimmed names and the chosen roles; a department administrator cannot pick 成员管理员', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn().mockResolvedValue(undefined);
    render(<AddStaffForm roles={assignableStaffRoles(chief)} onSubmit={onSubmit} />);
    expect(screen.queryByLabelText('成员管理员')).toBeNull();
    await user.click(screen.getByLabelText('账号'));
    await user.paste('wang.xm');
    await user.click(screen.getByLabelText('姓'));
    await user.paste(' 王 ');
    await user.click(screen.getByLabelText('名'));
    await user.paste('小明');
    await user.click(screen.getByLabelText('查看'));
    await user.click(screen.getByRole('button', { name: /保\s*存/ }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    expect(onSubmit.mock.calls[0][0]).toEqual({
      username: 'wang.xm',
      lastName: '王',
      firstName: '小明',
      email: null,
      temporaryPassword: null,
      roles: ['REPORTER', 'VIEWER'],
    });
  });
});

describe('who sees 成员', () => {
  it('department administrators for their own organization and those below it; admins everywhere; others nowhere', () => {
    expect(canManageStaff(chief, { id: 'zjt' })).toBe(true);
    expect(canManageStaff(chief, { id: 'zjt.sub', ancestors: [{ id: 'nmg' }, { id: 'zjt' }] })).toBe(true);
    expect(canManageStaff(chief, { id: 'zrzyt', ancestors: [{ id: 'nmg' }] })).toBe(false);
    expect(canManageStaff({ roles: ['admin'], orgs: [] }, { id: 'zrzyt' })).toBe(true);
    expect(canManageStaff({ roles: ['planner'], orgs: [{ id: 'zjt' }] }, { id: 'zjt' })).toBe(false);
    expect(assignableStaffRoles({ roles: ['admin'], orgs: [] })).toContain('ORG_ADMIN');
  });
});
