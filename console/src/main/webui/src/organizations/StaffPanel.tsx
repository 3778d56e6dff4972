import { useState } from 'react';
import { App, Button, Card, Checkbox, Form, Input, Modal, Popconfirm, Space, Table, Tag, Timeline, Typography } from 'antd';
import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import {
  AddStaffMemberDocument,
  DisableStaffMemberDocument,
  EnableStaffMemberDocument,
  SetStaffRolesDocument,
  StaffMembersDocument,
  type NewStaffMember,
  type StaffMemberFieldsFragment,
  type StaffRole,
} from '../gql/graphql';
import { describeError } from '../api/errors';
import { ProblemAlert } from '../components/ProblemAlert';
import { formatDateTime } from '../format';
import { assignableStaffRoles, type Person } from '../auth/permissions';

// Mirrors org-service's rule, so staff learn it before sending.
const USERNAME = /^[a-z0-9][a-z0-9._-]{1,62}$/;
const FORM_FIELDS = ['username', 'lastName', 'firstName', 'email', 'temporaryPassword', 'roles'] as const;

/** 添加成员: a new account, or an existing one by its username; the server decides which. */
export function AddStaffForm({
  roles,
  onSubmit,
}: {
  roles: readonly StaffRole[];
  onSubmit: (input: NewStaffMember) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const [problem, setProblem] = useState<unknown>(null);
  const submit = async (values: Record<string, unknown>) => {
    setProblem(null);
    const text = (name: string) => {
      const value = String(values[name] ?? '').trim();
      return value === '' ? null : value;
    };
    try {
      await onSubmit({
        username: String(values.username).trim(),
        lastName: text('lastName'),
        firstName: text('firstName'),
        email: text('email'),
        temporaryPassword: text('temporaryPassword'),
        roles: values.roles as StaffRole[],
      });
      form.resetFields();
    } catch (error) {
      setProblem(error);
      const found = describeError(error);
      form.setFields(
        Object.entries(found.fields)
          .filter(([field]) => (FORM_FIELDS as readonly string[]).includes(field))
          .map(([name]) => ({ name, errors: [t('fieldError.BAD_USER_INPUT.any')] })),
      );
    }
  };
  return (
    <Form form={form} layout="vertical" onFinish={submit} initialValues={{ roles: ['REPORTER'] }}>
      {problem ? <ProblemAlert error={problem} /> : null}
      <Form.Item
        name="username"
        label={t('staff.username')}
        rules={[
          { required: true, message: t('staff.usernameRequired') },
          { pattern: USERNAME, message: t('staff.usernameFormat') },
        ]}
      >
        <Input autoComplete="off" />
      </Form.Item>
      <Space.Compact block>
        <Form.Item name="lastName" label={t('staff.lastName')} style={{ flex: 1 }}>
          <Input />
        </Form.Item>
        <Form.Item name="firstName" label={t('staff.firstName')} style={{ flex: 1 }}>
          <Input />
        </Form.Item>
      </Space.Compact>
      <Form.Item name="email" label={t('staff.email')} rules={[{ type: 'email', message: t('staff.emailFormat') }]}>
        <Input />
      </Form.Item>
      <Form.Item name="temporaryPassword" label={t('staff.temporaryPassword')} extra={t('staff.temporaryPasswordHelp')}>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item name="roles" label={t('staff.roles')} rules={[{ required: true, type: 'array', min: 1, message: t('staff.rolesRequired') }]}>
        <Checkbox.Group options={roles.map((r) => ({ value: r, label: t(`staffRole.${r}`) }))} />
      </Form.Item>
      <Button type="primary" htmlType="submit">{t('staff.save')}</Button>
    </Form>
  );
}

function RolesForm({
  member,
  roles,
  onSubmit,
}: {
  member: StaffMemberFieldsFragment;
  roles: readonly StaffRole[];
  onSubmit: (roles: StaffRole[]) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<StaffRole[]>(member.roles.filter((r) => roles.includes(r)));
  return (
    <Space orientation="vertical">
      <Checkbox.Group value={chosen} onChange={(v) => setChosen(v as StaffRole[])} options={roles.map((r) => ({ value: r, label: t(`staffRole.${r}`) }))} />
      <Button type="primary" onClick={() => void onSubmit(chosen)}>{t('staff.save')}</Button>
    </Space>
  );
}

/** 成员 of one organization: the accounts, their roles and state, the writes, and the audited changes. */
export function StaffPanel({ org, person }: { org: { id: string; code: string; name: string }; person: Person }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const variables = { organizationId: org.id };
  const refetchQueries = [{ query: StaffMembersDocument, variables }];
  const { data, loading, error } = useQuery(StaffMembersDocument, { variables });
  const [add] = useMutation(AddStaffMemberDocument, { refetchQueries, awaitRefetchQueries: true });
  const [setRoles] = useMutation(SetStaffRolesDocument, { refetchQueries });
  const [disable] = useMutation(DisableStaffMemberDocument, { refetchQueries });
  const [enable] = useMutation(EnableStaffMemberDocument, { refetchQueries });
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<StaffMemberFieldsFragment | null>(null);
  const [problem, setProblem] = useState<unknown>(null);
  const roles = assignableStaffRoles(person);
  const run = async (write: () => Promise<unknown>) => {
    setProblem(null);
    try {
      await write();
      void message.success(t('staff.saved'));
    } catch (e) {
      setProblem(e);
    }
  };
  if (error) return <ProblemAlert error={error} message={describeError(error).code === 'FORBIDDEN' ? t('staff.forbidden') : undefined} />;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="staff-panel">
      <Card
        title={`${t('staff.title')} · ${org.name}`}
        extra={<Button type="primary" data-testid="staff-add" onClick={() => setAdding(true)}>{t('staff.add')}</Button>}
      >
        {problem ? <ProblemAlert error={problem} onClose={() => setProblem(null)} /> : null}
        <Table
          rowKey="username"
          size="small"
          loading={loading}
          pagination={false}
          dataSource={data?.staffMembers ?? []}
          locale={{ emptyText: t('staff.empty') }}
          columns={[
            { title: t('staff.username'), dataIndex: 'username' },
            {
              title: t('staff.name'),
              render: (_, m: StaffMemberFieldsFragment) => [m.lastName, m.firstName].filter(Boolean).join(''),
            },
            { title: t('staff.email'), dataIndex: 'email' },
            {
              title: t('staff.roles'),
              render: (_, m: StaffMemberFieldsFragment) => (
                <>
                  {m.admin ? <Tag color="red">{t('role.admin')}</Tag> : null}
                  {m.roles.map((r) => <Tag key={r} color="blue">{t(`staffRole.${r}`)}</Tag>)}
                  {m.organizationCodes.length > 1 ? (
                    <Typography.Text type="secondary">{t('staff.otherOrgs', { codes: m.organizationCodes.filter((c) => c !== org.code).join('、') })}</Typography.Text>
                  ) : null}
                </>
              ),
            },
            {
              title: t('staff.status'),
              render: (_, m: StaffMemberFieldsFragment) => (m.enabled ? <Tag color="green">{t('staff.enabled')}</Tag> : <Tag>{t('staff.disabled')}</Tag>),
            },
            {
              title: t('staff.actions'),
              render: (_, m: StaffMemberFieldsFragment) =>
                m.admin ? (
                  <Typography.Text type="secondary">{t('staff.adminAccount')}</Typography.Text>
                ) : (
                  <Space>
                    <Button size="small" onClick={() => setEditing(m)}>{t('staff.editRoles')}</Button>
                    {m.enabled ? (
                      <Popconfirm
                        title={t('staff.disableConfirm', { username: m.username })}
                        onConfirm={() => run(() => disable({ variables: { ...variables, username: m.username } }))}
                      >
                        <Button size="small" danger data-testid={`staff-disable-${m.username}`}>{t('staff.disable')}</Button>
                      </Popconfirm>
                    ) : (
                      <Button size="small" onClick={() => run(() => enable({ variables: { ...variables, username: m.username } }))}>
                        {t('staff.enable')}
                      </Button>
                    )}
                  </Space>
                ),
            },
          ]}
        />
      </Card>
      <Card title={t('staff.history')} size="small">
        {data && data.staffHistory.length === 0 ? <Typography.Text type="secondary">{t('staff.noHistory')}</Typography.Text> : null}
        <Timeline
          items={(data?.staffHistory ?? []).map((c, i) => ({
            key: i,
            content: (
              <span>
                {formatDateTime(c.at)} {c.actor} {t(`staffAction.${c.action}`, { defaultValue: c.action })} {c.username}
                {c.changes.some((f) => f.field === 'roles') ? ` · ${t('staff.roles')}: ${c.changes.find((f) => f.field === 'roles')?.after ?? ''}` : ''}
              </span>
            ),
          }))}
        />
      </Card>
      <Modal open={adding} title={t('staff.add')} footer={null} onCancel={() => setAdding(false)} destroyOnHidden>
        <AddStaffForm
          roles={roles}
          onSubmit={async (input) => {
            await add({ variables: { ...variables, input } });
            setAdding(false);
            void message.success(t('staff.added', { username: input.username }));
          }}
        />
      </Modal>
      <Modal open={!!editing} title={`${t('staff.editRoles')} · ${editing?.username ?? ''}`} footer={null} onCancel={() => setEditing(null)} destroyOnHidden>
        {editing ? (
          <RolesForm
            member={editing}
            roles={roles}
            onSubmit={(chosen) =>
              run(async () => {
                await setRoles({ variables: { ...variables, username: editing.username, roles: chosen } });
                setEditing(null);
              })
            }
          />
        ) : null}
      </Modal>
    </Space>
  );
}
