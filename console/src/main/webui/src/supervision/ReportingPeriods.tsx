import { useState } from 'react';
import { App, Button, Card, Form, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import {
  ReopenReportingPeriodDocument,
  TaskReportingPeriodsDocument,
  type ReportingPeriodStatus,
  type TaskReportingPeriodsQuery,
} from '../gql/graphql';
import { formatDate } from '../format';
import { ProblemAlert } from '../components/ProblemAlert';

type Period = NonNullable<NonNullable<TaskReportingPeriodsQuery['task']>['reportingPeriods']>[number];

const STATUS_COLORS: Record<ReportingPeriodStatus, string> = {
  OPEN: 'processing',
  OVERDUE: 'warning',
  MISSED: 'error',
  SUBMITTED: 'blue',
  APPROVED: 'success',
  RETURNED: 'orange',
};

/**
 * 报送情况: each responsible organization's last reporting periods of the task's cadence — window, where it stands,
 * late and locked — with 重新开放 for those who may undo an approval or extend a closed window.
 */
export function ReportingPeriods({ taskId, canReopen }: { taskId: string; canReopen: boolean }) {
  const { t } = useTranslation();
  const { data, error, loading, refetch } = useQuery(TaskReportingPeriodsDocument, {
    variables: { id: taskId },
    fetchPolicy: 'cache-and-network',
  });
  const [reopening, setReopening] = useState<Period | null>(null);
  const periods = data?.task?.reportingPeriods ?? [];
  return (
    <Card
      title={t('periods.title')}
      extra={data?.task ? <Typography.Text type="secondary">{t('periods.cadence', { cadence: t(`cadence.${data.task.reportCadence}`) })}</Typography.Text> : null}
      data-testid="reporting-periods"
    >
      {error ? <ProblemAlert error={error} /> : null}
      <Table<Period>
        rowKey={(p) => `${p.org.id}-${p.period}`}
        size="small"
        loading={loading && !data}
        pagination={false}
        dataSource={periods}
        columns={[
          { title: t('periods.period'), key: 'label', render: (_, p) => p.label },
          { title: t('periods.org'), key: 'org', render: (_, p) => p.org.name },
          {
            title: t('periods.window'),
            key: 'window',
            render: (_, p) => (
              <Space direction="vertical" size={0}>
                <span>{t('periods.due', { date: formatDate(p.due) })}</span>
                <Typography.Text type="secondary">
                  {p.reopenedUntil ? t('periods.reopenedUntil', { date: formatDate(p.reopenedUntil) }) : t('periods.closes', { date: formatDate(p.closes) })}
                </Typography.Text>
              </Space>
            ),
          },
          {
            title: t('periods.status'),
            key: 'status',
            render: (_, p) => (
              <Space size={4} wrap>
                <Tag color={STATUS_COLORS[p.status]} data-period-status={p.status}>{t(`periodStatus.${p.status}`)}</Tag>
                {p.late ? <Tag color="gold">{t('periods.late')}</Tag> : null}
                {p.locked ? <Tag>{t('periods.locked')}</Tag> : null}
              </Space>
            ),
          },
          ...(canReopen
            ? [
                {
                  title: '',
                  key: 'reopen',
                  render: (_: unknown, p: Period) =>
                    p.locked || p.status === 'MISSED' ? (
                      <Button size="small" onClick={() => setReopening(p)} data-testid="reopen-period">
                        {t('periods.reopen')}
                      </Button>
                    ) : null,
                },
              ]
            : []),
        ]}
      />
      {reopening ? (
        <ReopenDialog taskId={taskId} period={reopening} onClose={() => setReopening(null)} onDone={() => void refetch()} />
      ) : null}
    </Card>
  );
}

function ReopenDialog({ taskId, period, onClose, onDone }: { taskId: string; period: Period; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const [reopen, { loading, error }] = useMutation(ReopenReportingPeriodDocument, { refetchQueries: ['Task', 'MyTasks'] });
  return (
    <Modal
      open
      title={t('periods.reopenTitle', { org: period.org.name, period: period.label })}
      okText={t('periods.reopen')}
      confirmLoading={loading}
      onCancel={onClose}
      onOk={() => form.submit()}
    >
      <Typography.Paragraph type="secondary">{t('periods.reopenHint')}</Typography.Paragraph>
      {error ? <ProblemAlert error={error} /> : null}
      <Form
        form={form}
        layout="vertical"
        onFinish={async ({ reason }) => {
          await reopen({ variables: { taskId, orgId: period.org.id, period: period.period, reason: reason.trim() } });
          void message.success(t('periods.reopened'));
          onDone();
          onClose();
        }}
      >
        <Form.Item name="reason" label={t('periods.reason')} rules={[{ required: true, whitespace: true, message: t('periods.reasonRequired') }]}>
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
