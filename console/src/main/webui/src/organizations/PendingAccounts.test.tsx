import { describe, expect, it, vi } from 'vitest';
import { configure, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from 'antd';
import { MockedProvider } from '@apollo/client/testing/react';
import type { MockLink } from '@apollo/client/testing';
import '../i18n';
import {
  AddStaffMemberDocument,
  PendingAccountsDocument,
  StaffOrganizationDocument,
  type PendingAccountsQuery,
} from '../gql/graphql';
import { PendingAccounts, PlaceAccountForm } from './PendingAccounts';

configure({ asyncUtilTimeout: 15_000 });
vi.setConfig({ testTimeout: 120_000 });

const account = (username: string, organizationCodes: string[] = []) => ({
  __typename: 'StaffMember' as const,
  username,
  firstName: '敏',
  lastName: '周',
  email: null,
  enabled: true,
  roles: ['REPORTER' as const],
  organizationCodes,
  admin: false,
});

const zhou: PendingAccountsQuery['pendingAccounts'][number] = {
  __typename: 'PendingAccount',
  account: account('gov.zjt.zhou'),
  claimedOrganizationCode: null,
  claimedOrganizationName: '住建厅',
  suggestedOrganizationId: 'zjt',
  suggestedOrganizationCode: 'nmg.zjt',
  suggestedOrganizationName: '内蒙古自治区住房和城乡建设厅',
};
const drifter: PendingAccountsQuery['pendingAccounts'][number] = {
  __typename: 'PendingAccount',
  account: account('drifter'),
  claimedOrganizationCode: null,
  claimedOrganizationName: null,
  suggestedOrganizationId: null,
  suggestedOrganizationCode: null,
  suggestedOrganizationName: null,
};

describe('待分配账号', () => {
  it('lists the waiting accounts with the department they stated and places one in the suggested organization', async () => {
    const user = userEvent.setup();
    const mocks: MockLink.MockedResponse[] = [
      { request: { query: PendingAccountsDocument }, result: { data: { pendingAccounts: [drifter, zhou] } } },
      {
        request: { query: StaffOrganizationDocument, variables: { code: 'nmg.zjt' } },
        result: { data: { organization: { __typename: 'Organization', id: 'zjt', code: 'nmg.zjt', name: '内蒙古自治区住房和城乡建设厅' } } },
      },
      {
        request: {
          query: AddStaffMemberDocument,
          variables: { organizationId: 'zjt', input: { username: 'gov.zjt.zhou', roles: ['REPORTER'] } },
        },
        result: { data: { addStaffMember: account('gov.zjt.zhou', ['nmg.zjt']) } },
      },
      { request: { query: PendingAccountsDocument }, result: { data: { pendingAccounts: [drifter] } } },
    ];
    render(
      <MockedProvider mocks={mocks}>
        <App>
          <PendingAccounts roles={['PLANNER', 'REPORTER', 'VIEWER']} />
        </App>
      </MockedProvider>,
    );
    const row = (name: string) => screen.getByRole('cell', { name }).closest('tr') as HTMLElement;
    await screen.findByRole('cell', { name: 'gov.zjt.zhou' });
    expect(within(row('gov.zjt.zhou')).getByText('住建厅')).toBeInTheDocument();
    expect(within(row('gov.zjt.zhou')).getByText('内蒙古自治区住房和城乡建设厅')).toBeInTheDocument();
    expect(within(row('drifter')).getByText('未提供')).toBeInTheDocument();

    await user.click(within(row('gov.zjt.zhou')).getByRole('button', { name: /分\s*配/ }));
    expect(await screen.findByText('分配 gov.zjt.zhou')).toBeInTheDocument();
    expect(screen.getByText('建议归属：内蒙古自治区住房和城乡建设厅')).toBeInTheDocument();
    await user.click(screen.getByTestId('pending-place-submit'));

    expect(await screen.findByText('已将 gov.zjt.zhou 分配到 内蒙古自治区住房和城乡建设厅')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('cell', { name: 'gov.zjt.zhou' })).toBeNull());
    expect(screen.getByRole('cell', { name: 'drifter' })).toBeInTheDocument();
  });

  it('asks in Chinese for the organization when the stated department names none, and sends nothing', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn().mockResolvedValue(undefined);
    render(
      <MockedProvider mocks={[]}>
        <PlaceAccountForm pending={drifter} roles={['PLANNER', 'REPORTER', 'VIEWER']} onSubmit={onSubmit} />
      </MockedProvider>,
    );
    await user.click(screen.getByTestId('pending-place-submit'));
    expect(await screen.findByText('请选择归属机构')).toBeInTheDocument();
    expect(onSubmit).not.toHaveBeenCalled();
  });
});
