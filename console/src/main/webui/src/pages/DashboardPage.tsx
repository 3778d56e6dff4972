import { useMemo, useState } from 'react';
import { Button, Card, Space, Table, Typography } from 'antd';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import dayjs from 'dayjs';
import {
  HealthCountPageDocument,
  LeadTasksDocument,
  OverdueTasksDocument,
  type Health,
  type HealthCountPageQuery,
  type OverdueTasksQuery,
} from '../gql/graphql';
import { EChart, type EChartOption } from '../components/EChart';
import { ProblemAlert } from '../components/ProblemAlert';
import { PlanSelect } from '../components/PlanSelect';
import { TaskTable } from '../components/TaskTable';
import { useCursorPages } from '../components/CursorPager';
import { LedgerButton } from '../components/LedgerButton';
import { taskLedgerPath } from '../api/ledger';
import { formatDeadline, formatNumber } from '../format';

type Row = HealthCountPageQuery['healthCountPage']['edges'][number]['node'];
type Sum = HealthCountPageQuery['healthCountPage']['sum'];
type Overdue = OverdueTasksQuery['tasks']['edges'][number]['node'];
/** Organizations per page: at province scale there are thousands; a chart of 20 bars stays readable. */
const DASHBOARD_PAGE = 20;
const DRILL_PAGE = 20;
const OVERDUE_PAGE = 10;
const SERIES: { health: Health; key: 'red' | 'yellow' | 'green' | 'done'; color: string }[] = [
  { health: 'RED', key: 'red', color: '#d4380d' },
  { health: 'YELLOW', key: 'yellow', color: '#faad14' },
  { health: 'GREEN', key: 'green', color: '#52c41a' },
  { health: 'DONE', key: 'done', color: '#1677ff' },
];

/**
 * 督查看板: per lead organization its tasks by health, most red first, a page of organizations at a time (chart and
 * table), with the sums over all organizations; a number opens its tasks.
 */
export function DashboardPage() {
  const { t } = useTranslation();
  const [planId, setPlanId] = useState<string | undefined>();
  const [drill, setDrill] = useState<{ org: Row['org']; health: Health } | null>(null);
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={t('dashboard.title')}
        extra={
          <PlanSelect
            placeholder={t('dashboard.allPlans')}
            value={planId}
            onChange={(v) => { setPlanId(v); setDrill(null); }}
          />
        }
      >
        {/* keyed by the plan: another plan starts on its first page and never shows the last plan's counts meanwhile */}
        <OrganizationCounts key={planId ?? 'all'} planId={planId} onDrill={(org, health) => setDrill({ org, health })} />
      </Card>
      {drill ? (
        <DrillDown key={`${drill.org.id}-${drill.health}`} org={drill.org} health={drill.health} planId={planId} onClose={() => setDrill(null)} />
      ) : null}
      <OverdueList key={planId ?? 'all'} planId={planId} />
    </Space>
  );
}

/** The dashboard's organizations of one plan (or all), a page at a time: the sums, the chart and the table. */
function OrganizationCounts({ planId, onDrill }: { planId?: string; onDrill: (org: Row['org'], health: Health) => void }) {
  const { t } = useTranslation();
  const pages = useCursorPages(DASHBOARD_PAGE);
  const { data, previousData, loading, error } = useQuery(HealthCountPageDocument, {
    variables: { planId, first: DASHBOARD_PAGE, after: pages.after },
    fetchPolicy: 'cache-and-network',
  });
  // While the next page loads, the page before stays in view.
  const connection = (data ?? previousData)?.healthCountPage;
  const rows = useMemo(() => connection?.edges.map((e) => e.node) ?? [], [connection]);

  const option = useMemo<EChartOption>(
    () => ({
      animation: false,
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 8, right: 24, bottom: 8, top: 36, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: rows.map((r) => r.org.name) },
      series: SERIES.map((s) => ({
        id: s.health,
        name: t(`health.${s.health}`),
        type: 'bar',
        stack: 'tasks',
        barMaxWidth: 28,
        itemStyle: { color: s.color },
        label: { show: true, formatter: ({ value }: { value: number }) => (value ? String(value) : '') },
        data: rows.map((r) => r[s.key]),
      })),
    }),
    [rows, t],
  );

  const count = (row: Row, health: Health, value: number) =>
    value ? (
      <Button type="link" size="small" onClick={() => onDrill(row.org, health)} data-testid={`count-${row.org.code}-${health}`}>
        {formatNumber(value)}
      </Button>
    ) : (
      <span>0</span>
    );

  return (
    <>
      {error ? <ProblemAlert error={error} /> : null}
      {connection ? <SumLine sum={connection.sum} organizations={connection.totalCount} /> : null}
      <EChart
        option={option}
        height={Math.max(240, rows.length * 36 + 60)}
        onClick={(e) => {
          const row = rows[e.dataIndex];
          if (row && e.seriesId) onDrill(row.org, e.seriesId as Health);
        }}
      />
      <Table<Row>
        rowKey={(r) => r.org.id}
        size="small"
        loading={loading && !data}
        pagination={false}
        dataSource={rows}
        locale={{ emptyText: t('dashboard.empty') }}
        columns={[
          { title: t('dashboard.org'), key: 'org', render: (_, r) => r.org.name },
          ...SERIES.map((s) => ({
            title: t(`health.${s.health}`),
            key: s.key,
            width: 90,
            render: (_: unknown, r: Row) => count(r, s.health, r[s.key]),
          })),
          { title: t('dashboard.total'), dataIndex: 'total', width: 90, render: (v: number) => formatNumber(v) },
        ]}
      />
      {pages.pager(connection)}
    </>
  );
}

/** Above the chart: 全部单位合计, every column added up over all lead organizations (not only the page's), and how many. */
function SumLine({ sum, organizations }: { sum: Sum; organizations: number }) {
  const { t } = useTranslation();
  return (
    <Space size="large" wrap data-testid="dashboard-sum" style={{ marginBottom: 8 }}>
      <Typography.Text strong>
        {t('dashboard.allOrganizations', { formatted: formatNumber(organizations) })}
      </Typography.Text>
      {SERIES.map((s) => (
        <Typography.Text key={s.key} data-testid={`sum-${s.health}`}>
          <span style={{ color: s.color }}>■</span> {t(`health.${s.health}`)} {formatNumber(sum[s.key])}
        </Typography.Text>
      ))}
      <Typography.Text>{t('dashboard.total')} {formatNumber(sum.total)}</Typography.Text>
    </Space>
  );
}

/** The tasks behind a number: that lead organization's tasks of that health, in the plan chosen (or all), page by page. */
function DrillDown({ org, health, planId, onClose }: { org: Row['org']; health: Health; planId?: string; onClose: () => void }) {
  const { t } = useTranslation();
  const pages = useCursorPages(DRILL_PAGE);
  const { data, previousData, loading, error } = useQuery(LeadTasksDocument, {
    variables: { orgId: org.id, health, planId, first: DRILL_PAGE, after: pages.after },
  });
  const connection = (data ?? previousData)?.tasks;
  return (
    <Card
      title={<span data-testid="drill-title">{t('dashboard.drill', { org: org.name, health: t(`healthLong.${health}`) })}</span>}
      extra={
        <Space>
          <LedgerButton
            testId="drill-ledger"
            path={taskLedgerPath({ orgId: org.id, role: 'LEAD', health, planId, sortBy: 'DEADLINE' })}
          />
          <Button onClick={onClose}>{t('dashboard.close')}</Button>
        </Space>
      }
    >
      {error ? <ProblemAlert error={error} /> : null}
      <TaskTable tasks={connection?.edges.map((e) => e.node) ?? []} loading={loading} />
      {pages.pager(connection)}
    </Card>
  );
}

/**
 * 逾期任务: red tasks past their deadline and not completed, longest overdue first (deadline ascending), of the plan
 * chosen or all plans; with the lead units and why they are red (the API's healthReason.text).
 */
function OverdueList({ planId }: { planId?: string }) {
  const { t } = useTranslation();
  const pages = useCursorPages(OVERDUE_PAGE);
  const today = dayjs().format('YYYY-MM-DD');
  const { data, previousData, loading, error } = useQuery(OverdueTasksDocument, {
    variables: { planId, today, first: OVERDUE_PAGE, after: pages.after },
    fetchPolicy: 'cache-and-network',
  });
  const connection = (data ?? previousData)?.tasks;
  return (
    <Card
      data-testid="overdue"
      title={
        <Space size="middle">
          {t('dashboard.overdue')}
          <Typography.Text type="secondary" style={{ fontWeight: 'normal', fontSize: 13 }}>
            {t('dashboard.overdueHint')}
          </Typography.Text>
        </Space>
      }
      extra={
        <LedgerButton
          testId="overdue-ledger"
          path={taskLedgerPath({ planId, health: 'RED', dueBefore: today, sortBy: 'DEADLINE', order: 'ASC' })}
        />
      }
    >
      {error ? <ProblemAlert error={error} /> : null}
      <Table<Overdue>
        rowKey="id"
        size="small"
        loading={loading && !data}
        pagination={false}
        dataSource={connection?.edges.map((e) => e.node) ?? []}
        locale={{ emptyText: t('dashboard.overdueEmpty') }}
        columns={[
          {
            title: t('tasks.task'),
            key: 'task',
            render: (_, task) => <Link to={`/tasks/${task.id}`}>{task.number ? `${task.number} ` : ''}{task.title}</Link>,
          },
          ...(planId ? [] : [{ title: t('tasks.plan'), key: 'plan', render: (_: unknown, task: Overdue) => task.plan?.title }]),
          { title: t('tasks.lead'), key: 'lead', render: (_, task) => (task.leadOrgs ?? []).map((o) => o.name).join('、') },
          { title: t('tasks.deadline'), key: 'deadline', width: 140, render: (_, task) => formatDeadline(task.deadline) },
          {
            title: t('dashboard.overdueDays'),
            key: 'days',
            width: 90,
            render: (_, task) => (
              <Typography.Text type="danger" data-testid="overdue-days">
                {task.healthReason.days == null ? '' : t('dashboard.days', { count: task.healthReason.days, formatted: formatNumber(task.healthReason.days) })}
              </Typography.Text>
            ),
          },
          { title: t('dashboard.why'), key: 'why', render: (_, task) => task.healthReason.text },
        ]}
      />
      {pages.pager(connection)}
    </Card>
  );
}
