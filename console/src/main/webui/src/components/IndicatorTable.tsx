import { Progress, Table, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { IndicatorRowFragment } from '../gql/graphql';
import { formatNumber, formatPeriod, withRemark } from '../format';
import i18n from '../i18n';
import { HealthTag } from './HealthTag';

/** `60.3%`, `100万亩`: Chinese writes the unit right after the number. */
export function formatValue(value: number | null | undefined, unit?: string | null): string {
  if (value == null) return '—';
  return `${formatNumber(value)}${unit ?? ''}`;
}

/** A baseline or target as a plan writes it: `65%左右（2020年）`, `不低于 100万亩（2025年）`. */
export function formatMeasure(
  measure: { value: number; year?: number | null } | null | undefined,
  unit?: string | null,
  comparator?: string,
): string {
  if (!measure) return '—';
  const value = formatValue(measure.value, unit);
  const words = comparator ? i18n.t(`comparator.${comparator}`, { defaultValue: '' }) : '';
  const text = !words ? value : comparator === 'ABOUT' ? `${value}${i18n.language === 'en' ? ' ' : ''}${words}` : `${words} ${value}`;
  if (measure.year == null) return text;
  return withRemark(text, formatPeriod(String(measure.year)));
}

export function MetTag({ met }: { met: boolean | null | undefined }) {
  const { t } = useTranslation();
  if (met == null) return <>—</>;
  return <Tag color={met ? 'green' : 'orange'}>{met ? t('indicators.metYes') : t('indicators.metNo')}</Tag>;
}

/** Progress (a fraction, may fall below 0 or pass 1) as a bar that stays in its box, the number as it is. */
export function IndicatorProgress({ progress }: { progress: number | null | undefined }) {
  if (progress == null) return <>—</>;
  const percent = Math.round(progress * 100);
  return (
    <Tooltip title={`${percent}%`}>
      <Progress
        percent={Math.max(0, Math.min(100, percent))}
        format={() => `${percent}%`}
        size="small"
        status={percent >= 100 ? 'success' : 'normal'}
      />
    </Tooltip>
  );
}

type Row = IndicatorRowFragment & { plan?: { id: string; title: string } | null };

/** Indicators as a table: name (opens the indicator), baseline → target, latest value, progress, health, met. */
export function IndicatorTable({ indicators, showPlan = true, loading }: { indicators: readonly Row[]; showPlan?: boolean; loading?: boolean }) {
  const { t } = useTranslation();
  return (
    <Table<Row>
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={[...indicators]}
      pagination={false}
      locale={{ emptyText: t('indicators.empty') }}
      data-testid="indicator-table"
      columns={[
        {
          title: t('indicators.name'),
          key: 'name',
          render: (_, i) => (
            <Link to={`/indicators/${i.id}`} data-testid="indicator-link">
              {i.name}
            </Link>
          ),
        },
        ...(showPlan
          ? [{ title: t('indicators.plan'), key: 'plan', render: (_: unknown, i: Row) => (i.plan ? <Link to={`/plans/${i.plan.id}`}>{i.plan.title}</Link> : '—') }]
          : []),
        { title: t('indicators.unit'), dataIndex: 'unit', width: 80, render: (u: string | null) => u ?? '—' },
        {
          title: t('indicators.nature'),
          dataIndex: 'nature',
          width: 90,
          render: (n: string | null) => (n ? <Tag color={n === 'BINDING' ? 'red' : 'blue'}>{t(`nature.${n}`)}</Tag> : '—'),
        },
        {
          title: t('indicators.baselineTarget'),
          key: 'measures',
          render: (_, i) => `${formatMeasure(i.baseline, i.unit)} → ${formatMeasure(i.target, i.unit, i.comparator)}`,
        },
        {
          title: t('indicators.latest'),
          key: 'latest',
          width: 140,
          render: (_, i) => (i.latest ? withRemark(formatValue(i.latest.value, i.unit), formatPeriod(i.latest.period)) : '—'),
        },
        { title: t('indicators.progress'), key: 'progress', width: 150, render: (_, i) => <IndicatorProgress progress={i.progress} /> },
        { title: t('indicators.health'), dataIndex: 'health', width: 80, render: (h: string) => <HealthTag health={h} /> },
        { title: t('indicators.met'), dataIndex: 'met', width: 90, render: (m: boolean | null) => <MetTag met={m} /> },
      ]}
    />
  );
}
