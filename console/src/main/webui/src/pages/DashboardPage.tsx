import { useMemo, useState } from 'react';
import { Button, Card, Select, Space, Table } from 'antd';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { HealthCountsDocument, LeadTasksDocument, PlansDocument, type Health, type HealthCountsQuery } from '../gql/graphql';
import { EChart, type EChartOption } from '../components/EChart';
import { ProblemAlert } from '../components/ProblemAlert';
import { TaskTable } from '../components/TaskTable';
import { formatNumber } from '../format';

type Row = HealthCountsQuery['healthCounts'][number];
const SERIES: { health: Health; key: 'red' | 'yellow' | 'green' | 'done'; color: string }[] = [
  { health: 'RED', key: 'red', color: '#d4380d' },
  { health: 'YELLOW', key: 'yellow', color: '#faad14' },
  { health: 'GREEN', key: 'green', color: '#52c41a' },
  { health: 'DONE', key: 'done', color: '#1677ff' },
];

/** 督查看板: per lead organization its tasks by health (most red first), chart and table; a number opens its tasks. */
export function DashboardPage() {
  const { t } = useTranslation();
  const [planId, setPlanId] = useState<string | undefined>();
  const [drill, setDrill] = useState<{ org: Row['org']; health: Health } | null>(null);
  const plans = useQuery(PlansDocument, { variables: { first: 100 } });
  const { data, loading, error } = useQuery(HealthCountsDocument, { variables: { planId }, fetchPolicy: 'cache-and-network' });
  const rows = useMemo(() => data?.healthCounts ?? [], [data]);

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
      <Button type="link" size="small" onClick={() => setDrill({ org: row.org, health })} data-testid={`count-${row.org.code}-${health}`}>
        {formatNumber(value)}
      </Button>
    ) : (
      <span>0</span>
    );

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={t('dashboard.title')}
        extra={
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            data-testid="plan-select"
            style={{ minWidth: 280 }}
            placeholder={t('dashboard.allPlans')}
            value={planId}
            onChange={(v) => { setPlanId(v); setDrill(null); }}
            options={(plans.data?.plans.edges ?? []).map(({ node: p }) => ({ value: p.id, label: p.title }))}
          />
        }
      >
        {error ? <ProblemAlert error={error} /> : null}
        <EChart
          option={option}
          height={Math.max(240, rows.length * 36 + 60)}
          onClick={(e) => {
            const row = rows[e.dataIndex];
            if (row && e.seriesId) setDrill({ org: row.org, health: e.seriesId as Health });
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
      </Card>
      {drill ? <DrillDown org={drill.org} health={drill.health} planId={planId} onClose={() => setDrill(null)} /> : null}
    </Space>
  );
}

/** The tasks behind a number: that lead organization's tasks of that health, in the plan chosen (or all). */
function DrillDown({ org, health, planId, onClose }: { org: Row['org']; health: Health; planId?: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { data, loading, error } = useQuery(LeadTasksDocument, { variables: { orgId: org.id, health, planId, first: 100 } });
  return (
    <Card
      title={<span data-testid="drill-title">{t('dashboard.drill', { org: org.name, health: t(`healthLong.${health}`) })}</span>}
      extra={<Button size="small" onClick={onClose}>×</Button>}
    >
      {error ? <ProblemAlert error={error} /> : null}
      <TaskTable tasks={data?.tasks.edges.map((e) => e.node) ?? []} loading={loading} />
    </Card>
  );
}
