import { useState } from 'react';
import { App, Button, Card, Checkbox, Form, Modal, Table, Tag, Typography } from 'antd';
import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import {
  AddStaffMemberDocument,
  PendingAccountsDocument,
  StaffOrganizationDocument,
  type PendingAccountsQuery,
  type StaffRole,
} from '../gql/graphql';
import { OrganizationSelect } from '../components/OrganizationSelect';
import { ProblemAlert } from '../components/ProblemAlert';

type Pending = PendingAccountsQuery['pendingAccounts'][number];

/** 分配: the organization (the one the account's stated department names, when there is one) and the roles. */
export function PlaceAccountForm({
  pending,
  roles,
  onSubmit,
}: {
  pending: Pending;
  roles: readonly StaffRole[];
  onSubmit: (orgCode: string, roles: StaffRole[]) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [problem, setProblem] = useState<unknown>(null);
  const submit = async (values: { orgCode: string; roles: StaffRole[] }) => {
    setProblem(null);
    try {
      await onSubmit(values.orgCode, values.roles);
    } catch (error) {
      setProblem(error);
    }
  };
  // Roles the account already holds (a directory's default 填报员) are proposed, else 填报员.
  const held = pending.account.roles.filter((r) => roles.includes(r));
  return (
    <Form
      layout="vertical"
      onFinish={submit}
      initialValues={{ orgCode: pending.suggestedOrganizationCode ?? undefined, roles: held.length > 0 ? held : ['REPORTER'] }}
    >
      {problem ? <ProblemAlert error={problem} /> : null}
      <Form.Item
        name="orgCode"
        label={t('pendingAccounts.organization')}
        rules={[{ required: true, message: t('pendingAccounts.organizationRequired') }]}
        extra={pending.suggestedOrganizationName ? `${t('pendingAccounts.suggested')}：${pending.suggestedOrganizationName}` : undefined}
      >
        <OrganizationSelect placeholder={t('pendingAccounts.organization')} />
      </Form.Item>
      <Form.Item name="roles" label={t('staff.roles')} rules={[{ required: true, type: 'array', min: 1, message: t('staff.rolesRequired') }]}>
        <Checkbox.Group options={roles.map((r) => ({ value: r, label: t(`staffRole.${r}`) }))} />
      </Form.Item>
      <Button type="primary" htmlType="submit" data-testid="pending-place-submit">{t('pendingAccounts.place')}</Button>
    </Form>
  );
}

/**
 * 待分配账号: accounts that signed in but belong to no organization (an admin sees all; a department administrator
 * those whose stated department is theirs). 分配 adds the account to an organization with roles (addStaffMember).
 */
export function PendingAccounts({ roles }: { roles: readonly StaffRole[] }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useApolloClient();
  const { data, loading, error } = useQuery(PendingAccountsDocument);
  const [add] = useMutation(AddStaffMemberDocument, { refetchQueries: [{ query: PendingAccountsDocument }], awaitRefetchQueries: true });
  const [placing, setPlacing] = useState<Pending | null>(null);
  if (error) return <ProblemAlert error={error} />;
  const place = async (orgCode: string, chosen: StaffRole[]) => {
    if (!placing) return;
    const { data: found } = await client.query({ query: StaffOrganizationDocument, variables: { code: orgCode } });
    const org = found?.organization;
    if (!org) throw new Error(t('pendingAccounts.organizationRequired'));
    const username = placing.account.username;
    await add({ variables: { organizationId: org.id, input: { username, roles: chosen } } });
    setPlacing(null);
    void message.success(t('pendingAccounts.placed', { username, org: org.name }));
  };
  return (
    <Card size="small" title={t('pendingAccounts.title')} data-testid="pending-accounts">
      <Typography.Paragraph type="secondary">{t('pendingAccounts.help')}</Typography.Paragraph>
      <Table
        rowKey={(p) => p.account.username}
        size="small"
        loading={loading}
        pagination={false}
        dataSource={data?.pendingAccounts ?? []}
        locale={{ emptyText: t('pendingAccounts.empty') }}
        columns={[
          { title: t('staff.username'), render: (_, p: Pending) => p.account.username },
          { title: t('staff.name'), render: (_, p: Pending) => [p.account.lastName, p.account.firstName].filter(Boolean).join('') },
          {
            title: t('pendingAccounts.claimed'),
            render: (_, p: Pending) =>
              [p.claimedOrganizationName, p.claimedOrganizationCode].filter(Boolean).join(' / ') || (
                <Typography.Text type="secondary">{t('pendingAccounts.unknown')}</Typography.Text>
              ),
          },
          {
            title: t('pendingAccounts.suggested'),
            render: (_, p: Pending) => (p.suggestedOrganizationName ? <Tag color="green">{p.suggestedOrganizationName}</Tag> : null),
          },
          {
            title: t('staff.actions'),
            render: (_, p: Pending) => (
              <Button size="small" type="primary" data-testid={`pending-place-${p.account.username}`} onClick={() => setPlacing(p)}>
                {t('pendingAccounts.place')}
              </Button>
            ),
          },
        ]}
      />
      <Modal
        open={!!placing}
        title={t('pendingAccounts.placeTitle', { username: placing?.account.username ?? '' })}
        footer={null}
        onCancel={() => setPlacing(null)}
        destroyOnHidden
      >
        {placing ? <PlaceAccountForm pending={placing} roles={roles} onSubmit={place} /> : null}
      </Modal>
    </Card>
  );
}
