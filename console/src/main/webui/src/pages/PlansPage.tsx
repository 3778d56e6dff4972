import { useState } from 'react';
import { Card, Input, Table, Tag } from 'antd';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PlansDocument, type PlansQuery } from '../gql/graphql';
import { formatDate, formatNumber } from '../format';
import { useCursorPages } from '../components/CursorPager';
import { ProblemAlert } from '../components/ProblemAlert';

type PlanRow = PlansQuery['plans']['edges'][number]['node'];
const PAGE_SIZE = 20;

/** 规划: the plans, newest first, searchable by title or 发文字号, each opening its outline and tasks. */
export function PlansPage() {
  const { t } = useTranslation();
  const [search, setSearch] = useState<string | undefined>();
  const pages = useCursorPages(PAGE_SIZE);
  const { data, previousData, loading, error } = useQuery(PlansDocument, {
    variables: { search, first: PAGE_SIZE, after: pages.after },
    fetchPolicy: 'cache-and-network',
  });
  const connection = (data ?? previousData)?.plans;
  return (
    <Card
      title={t('plans.title')}
      extra={
        <Input.Search
          allowClear
          style={{ width: 280 }}
          placeholder={t('plans.search')}
          onSearch={(v) => { setSearch(v.trim() || undefined); pages.restart(); }}
        />
      }
    >
      {error ? <ProblemAlert error={error} /> : null}
      <Table<PlanRow>
        rowKey="id"
        size="middle"
        loading={loading && !data}
        dataSource={connection?.edges.map((e) => e.node) ?? []}
        pagination={false}
        locale={{ emptyText: t('plans.empty') }}
        columns={[
          { title: t('plans.name'), key: 'title', render: (_, p) => <Link to={`/plans/${p.id}`}>{p.title}</Link> },
          { title: t('plans.docNumber'), dataIndex: 'docNumber', width: 200 },
          { title: t('plans.kind'), dataIndex: 'kind', width: 110, render: (k: string) => t(`planKind.${k}`, { defaultValue: k }) },
          { title: t('plans.issuer'), key: 'issuer', render: (_, p) => p.issuer?.name },
          { title: t('plans.issuedOn'), dataIndex: 'issuedOn', width: 140, render: (d: string | null) => formatDate(d) },
          { title: t('plans.tasks'), key: 'tasks', width: 80, render: (_, p) => formatNumber(p.tasks.totalCount) },
          {
            title: t('plans.status'),
            dataIndex: 'status',
            width: 90,
            render: (s: string) => <Tag color={s === 'PUBLISHED' ? 'green' : 'default'}>{t(`planStatus.${s}`, { defaultValue: s })}</Tag>,
          },
        ]}
      />
      {pages.pager(connection)}
    </Card>
  );
}
