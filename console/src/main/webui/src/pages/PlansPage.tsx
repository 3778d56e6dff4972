import { Card, Table, Tag } from 'antd';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PlansDocument, type PlansQuery } from '../gql/graphql';
import { formatDate } from '../format';
import { ProblemAlert } from '../components/ProblemAlert';

type PlanRow = PlansQuery['plans'][number];

/** 规划: the plans, newest first, each opening its outline and tasks. */
export function PlansPage() {
  const { t } = useTranslation();
  const { data, loading, error } = useQuery(PlansDocument, { variables: { first: 200 }, fetchPolicy: 'cache-and-network' });
  return (
    <Card title={t('plans.title')}>
      {error ? <ProblemAlert error={error} /> : null}
      <Table<PlanRow>
        rowKey="id"
        size="middle"
        loading={loading && !data}
        dataSource={data?.plans ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: t('plans.empty') }}
        columns={[
          { title: t('plans.name'), key: 'title', render: (_, p) => <Link to={`/plans/${p.id}`}>{p.title}</Link> },
          { title: t('plans.docNumber'), dataIndex: 'docNumber', width: 200 },
          { title: t('plans.kind'), dataIndex: 'kind', width: 110, render: (k: string) => t(`planKind.${k}`, { defaultValue: k }) },
          { title: t('plans.issuer'), key: 'issuer', render: (_, p) => p.issuer?.name },
          { title: t('plans.issuedOn'), dataIndex: 'issuedOn', width: 140, render: (d: string | null) => formatDate(d) },
          { title: t('plans.tasks'), key: 'tasks', width: 80, render: (_, p) => p.tasks.totalCount },
          {
            title: t('plans.status'),
            dataIndex: 'status',
            width: 90,
            render: (s: string) => <Tag color={s === 'PUBLISHED' ? 'green' : 'default'}>{t(`planStatus.${s}`, { defaultValue: s })}</Tag>,
          },
        ]}
      />
    </Card>
  );
}
