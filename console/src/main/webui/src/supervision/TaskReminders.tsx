import { useState } from 'react';
import { App, Button, Card, Checkbox, Empty, Form, Input, Modal, Space, Tag, Timeline, Typography } from 'antd';
import { NotificationOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { RemindTaskDocument, TaskRemindersDocument } from '../gql/graphql';
import { formatDate, formatDateTime } from '../format';
import { ProblemAlert } from '../components/ProblemAlert';

interface Org {
  id: string;
  name: string;
}

/** 催办记录: every reminder of the task, automatic or by a person, newest first; 催办 for those who may send one. */
export function TaskReminders({ taskId, orgs, canRemind }: { taskId: string; orgs: Org[]; canRemind: boolean }) {
  const { t } = useTranslation();
  const [urging, setUrging] = useState(false);
  const { data, error, loading } = useQuery(TaskRemindersDocument, { variables: { id: taskId }, fetchPolicy: 'cache-and-network' });
  const reminders = data?.task?.reminders ?? [];
  return (
    <Card
      title={t('reminders.title')}
      loading={loading && !data}
      data-testid="task-reminders"
      extra={
        canRemind ? (
          <Button icon={<NotificationOutlined />} onClick={() => setUrging(true)} data-testid="remind-task">
            {t('reminders.urge')}
          </Button>
        ) : null
      }
    >
      {error ? <ProblemAlert error={error} /> : null}
      {reminders.length ? (
        <Timeline
          items={reminders.map((r) => ({
            color: r.rule === 'MANUAL' ? 'red' : r.rule === 'ESCALATION' ? 'orange' : 'blue',
            content: (
              <div data-testid="reminder" data-rule={r.rule}>
                <Space wrap>
                  <Tag>{t(`reminderRule.${r.rule}`)}</Tag>
                  <Typography.Text strong>{r.org.name}</Typography.Text>
                  <Typography.Text type="secondary">
                    {r.sentBy === 'system' ? t('reminders.bySystem') : r.sentBy} · {formatDateTime(r.sentAt)}
                  </Typography.Text>
                </Space>
                <div>
                  {r.message ?? r.title}
                  {r.period ? <Typography.Text type="secondary">（{r.period}）</Typography.Text> : null}
                  {r.due && r.rule !== 'MANUAL' ? <Typography.Text type="secondary"> {t('reminders.due', { date: formatDate(r.due) })}</Typography.Text> : null}
                </div>
                <Typography.Text type="secondary">
                  {r.recipients.length ? t('reminders.reached', { names: r.recipients.join('、') }) : t('reminders.nobody')}
                </Typography.Text>
              </div>
            ),
          }))}
        />
      ) : (
        <Empty description={t('reminders.none')} />
      )}
      {urging ? <UrgeDialog taskId={taskId} orgs={orgs} onClose={() => setUrging(false)} /> : null}
    </Card>
  );
}

function UrgeDialog({ taskId, orgs, onClose }: { taskId: string; orgs: Org[]; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ orgIds: string[]; message: string }>();
  const [remind, { loading, error }] = useMutation(RemindTaskDocument, { refetchQueries: ['TaskReminders', 'Task'] });
  return (
    <Modal open title={t('reminders.urgeTitle')} okText={t('reminders.send')} confirmLoading={loading} onCancel={onClose} onOk={() => form.submit()}>
      {error ? <ProblemAlert error={error} /> : null}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ orgIds: orgs.map((o) => o.id), message: '' }}
        onFinish={async (values) => {
          const sent = await remind({
            variables: {
              taskId,
              orgIds: values.orgIds.length === orgs.length ? null : values.orgIds,
              message: values.message.trim(),
            },
          });
          const reached = (sent.data?.remindTask ?? []).reduce((n, r) => n + r.recipients.length, 0);
          void message.success(t('reminders.sent', { count: reached }));
          onClose();
        }}
      >
        <Form.Item name="orgIds" label={t('reminders.orgs')} rules={[{ required: true, type: 'array', min: 1, message: t('reminders.orgsRequired') }]}>
          <Checkbox.Group options={orgs.map((o) => ({ value: o.id, label: o.name }))} />
        </Form.Item>
        <Form.Item
          name="message"
          label={t('reminders.message')}
          rules={[{ required: true, whitespace: true, message: t('reminders.messageRequired') }]}
        >
          <Input.TextArea rows={4} maxLength={2000} showCount placeholder={t('reminders.messagePlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
