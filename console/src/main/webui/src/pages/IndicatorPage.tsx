import { useMemo } from 'react';
import { Alert, App, Card, Descriptions, Result, Space, Table, Tag, Typography } from 'antd';
import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { IndicatorDocument, RecordObservationDocument, type IndicatorQuery, type ObservationRowFragment } from '../gql/graphql';
import { useCurrentUser } from '../auth/me';
import { observationPlaces } from '../auth/permissions';
import { formatDateTime, formatPeriod, withRemark } from '../format';
import { chartData, comparePeriods, currentObservations, latestByRegion, regionalTotal, WHOLE_AREA } from '../indicators/figures';
import { EChart, type EChartOption } from '../components/EChart';
import { HealthTag } from '../components/HealthTag';
import { HistoryTimeline } from '../components/HistoryTimeline';
import { formatMeasure, formatValue, IndicatorProgress, MetTag } from '../components/IndicatorTable';
import { ObservationForm } from '../components/ObservationForm';
import { describeHistoryValue } from '../indicators/history';
import { ProblemAlert } from '../components/ProblemAlert';

type Indicator = NonNullable<IndicatorQuery['indicator']>;
type Target = Indicator['regionalTargets'][number];

/** A region as staff name it: 呼和浩特市 rather than its government's full name. */
const placeName = (org: { name: string; region?: string | null } | null | undefined) => (org ? (org.region ?? org.name) : '');

/** Bookkeeping a reader does not act on; a creation lists no fields (they are all on the page above). */
const HIDDEN_FIELDS = ['id', 'indicatorId', 'planId', 'reportedBy', 'reportedAt', 'supersedes', 'additive', 'version'];

/** 指标详情: the indicator, its chart, the regional breakdown, observations, 记录观测值 and the history. */
export function IndicatorPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useCurrentUser();
  const { data, loading, error } = useQuery(IndicatorDocument, { variables: { id } });
  const [record] = useMutation(RecordObservationDocument, { refetchQueries: ['Indicator'], awaitRefetchQueries: true });
  const indicator = data?.indicator;

  if (loading && !data) return <Card loading />;
  if (!indicator) {
    return error ? <ProblemAlert error={error} /> : <Result status="404" title={t('indicators.notFound')} />;
  }
  const regions = uniqueRegions(indicator.regionalTargets);
  const places = observationPlaces(me, { responsibleOrgs: indicator.responsibleOrgs, issuer: indicator.plan?.issuer, regions });
  const allowedRegions = regions.filter((r) => places.regionIds.includes(r.id)).map((r) => ({ id: r.id, name: placeName(r) }));
  const mayRecord = places.wholeArea || allowedRegions.length > 0;

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      {error ? <ProblemAlert error={error} /> : null}
      <Card
        title={<span data-testid="indicator-name">{indicator.name}</span>}
        extra={
          <Space>
            {indicator.nature ? <Tag color={indicator.nature === 'BINDING' ? 'red' : 'blue'}>{t(`nature.${indicator.nature}`)}</Tag> : null}
            <HealthTag health={indicator.health} />
            <MetTag met={indicator.met} />
          </Space>
        }
      >
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('indicators.plan')}>
            {indicator.plan ? <Link to={`/plans/${indicator.plan.id}`}>{indicator.plan.title}</Link> : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('indicators.responsible')}>
            {indicator.responsibleOrgs?.length ? indicator.responsibleOrgs.map((o) => <Tag key={o.id}>{o.name}</Tag>) : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('indicators.unit')}>{indicator.unit ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('indicators.baseline')}>{formatMeasure(indicator.baseline, indicator.unit)}</Descriptions.Item>
          <Descriptions.Item label={t('indicators.target')}>
            <span data-testid="indicator-target">{formatMeasure(indicator.target, indicator.unit, indicator.comparator)}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('indicators.latest')}>
            <span data-testid="indicator-latest">
              {indicator.latest ? withRemark(formatValue(indicator.latest.value, indicator.unit), formatPeriod(indicator.latest.period)) : '—'}
            </span>
          </Descriptions.Item>
          <Descriptions.Item label={t('indicators.progress')}>
            <div style={{ width: 200 }}>
              <IndicatorProgress progress={indicator.progress} />
            </div>
          </Descriptions.Item>
          <Descriptions.Item label={t('task.updatedBy')}>
            {indicator.updatedBy} {formatDateTime(indicator.updatedAt)}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={t('indicators.chart')}>
        <IndicatorChart indicator={indicator} />
      </Card>
      <RegionalTargets indicator={indicator} />
      <Card title={t('indicators.observations')}>
        <ObservationTable observations={indicator.observations} unit={indicator.unit} />
      </Card>
      {mayRecord ? (
        <Card title={t('indicators.record')} data-testid="record-observation">
          <ObservationForm
            unit={indicator.unit}
            additive={indicator.additive}
            wholeArea={places.wholeArea}
            regions={allowedRegions}
            onSubmit={async (values) => {
              await record({
                variables: {
                  indicatorId: indicator.id,
                  period: values.period,
                  value: values.value,
                  regionId: values.regionId === WHOLE_AREA ? null : values.regionId,
                  source: values.source ?? null,
                },
              });
              message.success(t('indicators.recorded'));
            }}
          />
        </Card>
      ) : null}
      <Card title={t('indicators.history')}>
        <History indicator={indicator} />
      </Card>
    </Space>
  );
}

function uniqueRegions(targets: readonly Target[]) {
  const seen = new Map<string, NonNullable<Target['region']>>();
  for (const target of targets) if (target.region && !seen.has(target.region.id)) seen.set(target.region.id, target.region);
  return [...seen.values()];
}

/** The straight line from baseline to target against the values reported, years on the x axis. */
function IndicatorChart({ indicator }: { indicator: Indicator }) {
  const { t, i18n } = useTranslation();
  const figures = useMemo(() => chartData(indicator), [indicator]);
  const option = useMemo<EChartOption>(() => {
    const unit = indicator.unit ?? '';
    const series: object[] = [
      {
        name: t('indicators.planned'),
        type: 'line',
        data: figures.planned,
        showSymbol: false,
        lineStyle: { type: 'dashed' },
        markLine: {
          symbol: 'none',
          data: [{ yAxis: indicator.target.value }],
          label: { formatter: `${t('indicators.targetLine')} ${formatValue(indicator.target.value, indicator.unit)}` },
        },
      },
      {
        name: t('indicators.actual'),
        type: 'line',
        data: figures.actual,
        connectNulls: true,
        symbolSize: 8,
        label: { show: true, formatter: (p: { value: number }) => formatValue(p.value, indicator.unit) },
      },
    ];
    if (figures.regionalSum) {
      series.push({ name: t('indicators.regionalSum'), type: 'line', data: figures.regionalSum, connectNulls: true, symbolSize: 6 });
    }
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 60, right: 40, top: 40, bottom: 30 },
      xAxis: { type: 'category', data: figures.years.map((y) => t('indicators.year', { year: y })) },
      yAxis: { type: 'value', name: unit, scale: true },
      series,
    };
    // i18n.language: the labels follow the language switch.
  }, [figures, indicator, t, i18n.language]);
  // The plotted values as text too: the canvas cannot be read by a test or a screen reader.
  const actual = figures.years
    .map((y, i) => (figures.actual[i] != null ? `${y}:${figures.actual[i]}` : null))
    .filter(Boolean)
    .join(' ');
  return (
    <div data-testid="indicator-chart" data-actual={actual} aria-label={t('indicators.chart')}>
      {figures.years.length ? <EChart option={option} height={320} /> : <Typography.Text type="secondary">{t('indicators.noObservations')}</Typography.Text>}
    </div>
  );
}

/** 任务分解表: per period, each region's target and latest value, the 合计 row and its check against the target. */
function RegionalTargets({ indicator }: { indicator: Indicator }) {
  const { t } = useTranslation();
  const latest = latestByRegion(indicator.observations);
  const periods = [...new Set(indicator.regionalTargets.map((r) => r.period))].sort((a, b) => comparePeriods(b, a));
  if (!periods.length) {
    return (
      <Card title={t('indicators.regional')}>
        <Typography.Text type="secondary">{t('indicators.noTargets')}</Typography.Text>
      </Card>
    );
  }
  const unit = indicator.unit;
  return (
    <Card title={t('indicators.regional')} data-testid="regional-targets">
      {indicator.additive ? null : <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('indicators.notAdditive')} />}
      {periods.map((period) => {
        const rows = indicator.regionalTargets.filter((r) => r.period === period);
        const total = regionalTotal(rows, period, indicator);
        const latestValues = rows.map((r) => (r.region ? latest.get(r.region.id)?.value : undefined));
        const latestSum = indicator.additive && latestValues.some((v) => v != null) ? latestValues.reduce<number>((s, v) => s + (v ?? 0), 0) : null;
        return (
          <div key={period} style={{ marginBottom: 16 }}>
            {periods.length > 1 ? <Typography.Title level={5}>{formatPeriod(period)}</Typography.Title> : null}
            {total.shortfall != null && total.sum != null && total.expected != null ? (
              <Alert
                type="warning"
                showIcon
                style={{ marginBottom: 12 }}
                data-testid="regional-mismatch"
                title={t('indicators.mismatch', {
                  sum: formatValue(total.sum, unit),
                  target: formatValue(total.expected, unit),
                  diff: formatValue(Math.abs(total.shortfall), unit),
                  direction: total.shortfall > 0 ? t('indicators.less') : t('indicators.more'),
                })}
              />
            ) : null}
            <Table<Target>
              rowKey={(r) => `${r.region?.id ?? ''}-${r.period}`}
              size="small"
              pagination={false}
              dataSource={rows}
              columns={[
                { title: t('indicators.region'), key: 'region', render: (_, r) => placeName(r.region) || t('indicators.unknownOrg') },
                { title: withRemark(t('indicators.regionalTarget'), formatPeriod(period)), key: 'value', align: 'right', render: (_, r) => formatValue(r.value, unit) },
                {
                  title: t('indicators.regionalLatest'),
                  key: 'latest',
                  align: 'right',
                  render: (_, r) => {
                    const o = r.region ? latest.get(r.region.id) : undefined;
                    return o ? withRemark(formatValue(o.value, unit), formatPeriod(o.period)) : '—';
                  },
                },
              ]}
              summary={() => (
                <Table.Summary.Row data-testid="regional-total">
                  <Table.Summary.Cell index={0}>
                    <Typography.Text strong>{t('indicators.total')}</Typography.Text>
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={1} align="right">
                    <Typography.Text strong type={total.shortfall != null ? 'warning' : undefined}>
                      {total.sum != null ? formatValue(total.sum, unit) : '—'}
                    </Typography.Text>
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={2} align="right">
                    {latestSum != null ? formatValue(latestSum, unit) : '—'}
                  </Table.Summary.Cell>
                </Table.Summary.Row>
              )}
            />
          </div>
        );
      })}
    </Card>
  );
}

function ObservationTable({ observations, unit }: { observations: readonly ObservationRowFragment[]; unit?: string | null }) {
  const { t } = useTranslation();
  const current = new Set(currentObservations(observations).map((o) => o.id));
  return (
    <Table<ObservationRowFragment>
      rowKey="id"
      size="small"
      pagination={observations.length > 20 ? { pageSize: 20 } : false}
      dataSource={[...observations]}
      locale={{ emptyText: t('indicators.noObservations') }}
      data-testid="observation-table"
      columns={[
        { title: t('indicators.period'), dataIndex: 'period', width: 130, render: (p: string) => formatPeriod(p) },
        { title: t('indicators.region'), key: 'region', render: (_, o) => (o.region ? placeName(o.region) : t('indicators.wholeArea')) },
        {
          title: t('indicators.value'),
          key: 'value',
          align: 'right',
          render: (_, o) => (
            <Space>
              {current.has(o.id) ? null : <Tag>{t('indicators.superseded')}</Tag>}
              <Typography.Text delete={!current.has(o.id)}>{formatValue(o.value, unit)}</Typography.Text>
            </Space>
          ),
        },
        { title: t('indicators.source'), dataIndex: 'source', render: (s: string | null) => s ?? '—' },
        { title: t('indicators.reportedBy'), dataIndex: 'reportedBy', width: 130 },
        { title: t('indicators.reportedAt'), dataIndex: 'reportedAt', width: 170, render: (d: string) => formatDateTime(d) },
      ]}
    />
  );
}

/** The names of the organizations this page knows, for history entries that hold ids. */
function orgNames(indicator: Indicator): Map<string, string> {
  const names = new Map<string, string>();
  const add = (o: { id: string; name: string; region?: string | null } | null | undefined) => o && names.set(o.id, placeName(o));
  add(indicator.plan?.issuer);
  indicator.regionalTargets.forEach((r) => add(r.region));
  indicator.observations.forEach((o) => add(o.region));
  (indicator.responsibleOrgs ?? []).forEach((o) => names.set(o.id, o.name));
  return names;
}

function History({ indicator }: { indicator: Indicator }) {
  const { t } = useTranslation();
  const names = orgNames(indicator);
  return (
    <HistoryTimeline
      entries={indicator.history}
      testId="indicator-history"
      empty={t('indicators.noHistory')}
      listed={(action, field) => action !== 'CREATE_INDICATOR' && !HIDDEN_FIELDS.includes(field)}
      // A value recorded for the first time had none before: only the new one is shown.
      describe={(field, value) => (value == null ? null : describeHistoryValue(field, value, names, indicator.unit, t))}
    />
  );
}
