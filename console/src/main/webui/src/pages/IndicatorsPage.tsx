import { useState } from 'react';
import { Card, Input, Select, Space } from 'antd';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { IndicatorsDocument, type Health, type IndicatorNature } from '../gql/graphql';
import { useCursorPages } from '../components/CursorPager';
import { IndicatorTable } from '../components/IndicatorTable';
import { ProblemAlert } from '../components/ProblemAlert';

const PAGE_SIZE = 20;
const HEALTHS: Health[] = ['RED', 'YELLOW', 'GREEN', 'DONE'];
const NATURES: IndicatorNature[] = ['BINDING', 'EXPECTED'];

/** 指标: every plan's indicators in plan order, searchable by name, filtered by nature (约束性/预期性) and health. */
export function IndicatorsPage() {
  const { t } = useTranslation();
  const [search, setSearch] = useState<string | undefined>();
  const [nature, setNature] = useState<IndicatorNature | undefined>();
  const [health, setHealth] = useState<Health | undefined>();
  const pages = useCursorPages(PAGE_SIZE);
  const { data, previousData, loading, error } = useQuery(IndicatorsDocument, {
    variables: { search, nature, health, first: PAGE_SIZE, after: pages.after },
    fetchPolicy: 'cache-and-network',
  });
  const connection = (data ?? previousData)?.indicators;
  return (
    <Card
      title={t('indicators.title')}
      extra={
        <Space wrap>
          <Select<IndicatorNature | undefined>
            allowClear
            style={{ width: 130 }}
            placeholder={t('indicators.allNature')}
            data-testid="nature-filter"
            value={nature}
            onChange={(v) => { setNature(v); pages.restart(); }}
            options={NATURES.map((n) => ({ value: n, label: t(`nature.${n}`) }))}
          />
          <Select<Health | undefined>
            allowClear
            style={{ width: 130 }}
            placeholder={t('indicators.allHealth')}
            data-testid="health-filter"
            value={health}
            onChange={(v) => { setHealth(v); pages.restart(); }}
            options={HEALTHS.map((h) => ({ value: h, label: t(`healthLong.${h}`) }))}
          />
          <Input.Search
            allowClear
            style={{ width: 260 }}
            placeholder={t('indicators.search')}
            onSearch={(v) => { setSearch(v.trim() || undefined); pages.restart(); }}
          />
        </Space>
      }
    >
      {error ? <ProblemAlert error={error} /> : null}
      <IndicatorTable indicators={connection?.edges.map((e) => e.node) ?? []} loading={loading && !data} />
      {pages.pager(connection)}
    </Card>
  );
}
