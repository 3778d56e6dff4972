import { App, Alert, Button, Card, Descriptions, Empty, Progress, Result, Space, Table, Tag, Timeline, Typography } from 'antd';
import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ReportRowFragment, SubmitReportDocument, TaskDocument } from '../gql/graphql';
import { useCurrentUser } from '../auth/me';
import { canRemind, canReopenPeriods, canReview, reportingOrgs } from '../auth/permissions';
import { formatDate, formatDateTime, formatDeadline, formatPeriod } from '../format';
import { HealthTag } from '../components/HealthTag';
import { ProblemAlert } from '../components/ProblemAlert';
import { ReportForm, reportValues } from '../components/ReportForm';
import { ReviewButtons } from '../components/ReviewButtons';
import { TaskHistory } from '../components/TaskHistory';
import { ReportingPeriods } from '../supervision/ReportingPeriods';
import { TaskReminders } from '../supervision/TaskReminders';

const REPORT_COLORS: Record<string, string> = { SUBMITTED: 'processing', APPROVED: 'success', RETURNED: 'error' };

/** 任务详情: the task, its milestones and report history, 进度填报 for its units and 通过/退回 for its lead side. */
export function TaskPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const me = useCurrentUser();
  const client = useApolloClient();
  // Partial answers are shown (with the error above): a part that failed, e.g. the organizations while org-service is
  // unreachable, must not hide the task.
  const { data, loading, error, refetch } = useQuery(TaskDocument, { variables: { id }, errorPolicy: 'all' });
  const [submitReport] = useMutation(SubmitReportDocument, { refetchQueries: ['ApprovalQueue', 'ApprovalCount', 'MyTasks', 'TaskReportingPeriods'] });

  if (loading && !data) return <Card loading />;
  const task = data?.task;
  if (!task) {
    return error ? <ProblemAlert error={error} /> : <Result status="404" title={t('task.notFound')} />;
  }
  // Null only while org-service is unreachable: then nobody is shown as responsible, and the server still decides.
  const sides = { leadOrgs: task.leadOrgs ?? [], cooperatingOrgs: task.cooperatingOrgs };
  const myOrgs = reportingOrgs(me, sides);
  const reviewer = canReview(me, sides);
  const reports = task.reports ?? [];
  const milestones = task.milestones ?? [];
  const lastOfMine = reports.find((r) => myOrgs.some((o) => o.id === r.org.id));
  const returned = lastOfMine?.status === 'RETURNED' ? lastOfMine : undefined;

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      {error ? <ProblemAlert error={error} /> : null}
      <Card
        title={
          <Space>
            <Button size="small" onClick={() => navigate(-1)}>{t('task.back')}</Button>
            <span data-testid="task-title">{task.number ? `${task.number} ` : ''}{task.title}</span>
            <HealthTag health={task.health} reason={task.healthReason?.text} />
          </Space>
        }
      >
        {task.healthReason && task.health !== 'GREEN' && task.health !== 'DONE' ? (
          <Alert
            type={task.health === 'RED' ? 'error' : 'warning'}
            showIcon
            style={{ marginBottom: 16 }}
            title={`${t('task.why')}：${task.healthReason.text}`}
            data-testid="health-reason"
          />
        ) : null}
        <Descriptions column={{ xs: 1, md: 2 }} bordered size="small">
          <Descriptions.Item label={t('task.plan')}>{task.plan?.title}</Descriptions.Item>
          <Descriptions.Item label={t('task.deadline')}>{formatDeadline(task.deadline)}</Descriptions.Item>
          <Descriptions.Item label={t('task.lead')}>{(task.leadOrgs ?? []).map((o) => o.name).join('、')}</Descriptions.Item>
          <Descriptions.Item label={t('task.cooperating')}>{(task.cooperatingOrgs ?? []).map((o) => o.name).join('、') || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('task.status')}>{t(`status.${task.status}`)}</Descriptions.Item>
          <Descriptions.Item label={t('task.progress')}>
            <Progress percent={task.progressPercent ?? 0} size="small" style={{ maxWidth: 240 }} />
          </Descriptions.Item>
        </Descriptions>
        {task.description ? (
          <>
            <Typography.Title level={5} style={{ marginTop: 16 }}>{t('task.description')}</Typography.Title>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{task.description}</Typography.Paragraph>
          </>
        ) : null}
        <Typography.Title level={5} style={{ marginTop: 16 }}>{t('task.milestones')}</Typography.Title>
        {milestones.length ? (
          <Timeline items={milestones.map((m) => ({ content: `${formatDate(m.dueDate)}  ${m.description}` }))} />
        ) : (
          <Typography.Text type="secondary">{t('task.noMilestones')}</Typography.Text>
        )}
      </Card>

      <Card title={t('task.reports')}>
        <Table<ReportRowFragment>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={reports}
          locale={{ emptyText: <Empty description={t('task.noReports')} /> }}
          expandable={{
            expandedRowRender: (r) => (
              <Descriptions column={1} size="small">
                <Descriptions.Item label={t('report.summary')}>{r.summary}</Descriptions.Item>
                {r.problems ? <Descriptions.Item label={t('report.problems')}>{r.problems}</Descriptions.Item> : null}
                {r.nextSteps ? <Descriptions.Item label={t('report.nextSteps')}>{r.nextSteps}</Descriptions.Item> : null}
                {r.reviewedBy ? (
                  <Descriptions.Item label={t('report.reviewedBy')}>{r.reviewedBy} {formatDateTime(r.reviewedAt)}</Descriptions.Item>
                ) : null}
              </Descriptions>
            ),
            rowExpandable: () => true,
          }}
          columns={[
            { title: t('report.period'), dataIndex: 'period', width: 120, render: (p: string) => formatPeriod(p) },
            { title: t('task.reportFor'), key: 'org', render: (_, r) => r.org.name },
            { title: t('report.percent'), dataIndex: 'percent', width: 90, render: (p: number | null) => (p == null ? '' : `${p}%`) },
            { title: t('report.summary'), dataIndex: 'summary', ellipsis: true },
            {
              title: t('report.reportedBy'),
              key: 'by',
              render: (_, r) => (
                <>
                  {r.reportedBy}
                  <br />
                  <Typography.Text type="secondary">{formatDateTime(r.reportedAt)}</Typography.Text>
                </>
              ),
            },
            {
              title: t('tasks.health'),
              dataIndex: 'status',
              render: (s: string, r) => (
                <Space direction="vertical" size={2}>
                  <Space size={4}>
                    <Tag color={REPORT_COLORS[s]} data-report-status={s}>{t(`reportStatus.${s}`)}</Tag>
                    {r.late ? <Tag color="gold">{t('periods.late')}</Tag> : null}
                  </Space>
                  {r.reviewComment ? <Typography.Text type="secondary">{r.reviewComment}</Typography.Text> : null}
                </Space>
              ),
            },
            ...(reviewer
              ? [
                  {
                    title: '',
                    key: 'review',
                    render: (_: unknown, r: ReportRowFragment) =>
                      r.status === 'SUBMITTED' ? <ReviewButtons reportId={r.id} onDone={() => void refetch()} /> : null,
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <ReportingPeriods taskId={task.id} canReopen={canReopenPeriods(me, sides)} />
      <TaskReminders
        taskId={task.id}
        orgs={[...sides.leadOrgs, ...(sides.cooperatingOrgs ?? [])]}
        canRemind={canRemind(me, sides, task.plan ?? {})}
      />
      <Card
        title={t('task.history')}
        extra={
          <Typography.Text type="secondary">
            {t('task.createdBy')} {task.createdBy} {formatDateTime(task.createdAt)} · {t('task.updatedBy')} {task.updatedBy ?? task.createdBy}{' '}
            {formatDateTime(task.updatedAt)}
          </Typography.Text>
        }
      >
        <TaskHistory history={task.history ?? []} />
      </Card>
      {myOrgs.length ? (
        <Card title={t('task.report')}>
          {returned ? (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 16 }}
              title={t('report.resubmitHint')}
              description={returned.reviewComment}
            />
          ) : null}
          <ReportForm
            key={lastOfMine?.id ?? 'new'}
            orgs={myOrgs}
            cadence={task.reportCadence}
            initial={returned ? reportValues(returned) : undefined}
            onSubmit={async (values) => {
              await submitReport({ variables: { taskId: task.id, ...values } });
              void message.success(t('report.submitted'));
              await refetch();
            }}
            findSaved={async (values) => {
              // CONFLICT: someone of the same unit reported for the period meanwhile; their report, read afresh. Not
              // into the cache: the page would re-render the form (its key) and lose what the user typed.
              const fresh = await client.query({ query: TaskDocument, variables: { id }, fetchPolicy: 'no-cache' });
              const theirs = fresh.data?.task?.reports?.find(
                (r) => r.org.id === values.orgId && r.period === values.period && r.status !== 'RETURNED',
              );
              // Another kind of CONFLICT: the form shows the message; the page shows the latest state.
              if (!theirs) void refetch();
              return theirs;
            }}
            onKeepTheirs={() => void refetch()}
          />
        </Card>
      ) : null}
    </Space>
  );
}
