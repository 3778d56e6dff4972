import { Card, Table, Typography } from 'antd';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApprovalQueueDocument, type ApprovalQueueQuery } from '../gql/graphql';
import { formatDateTime, formatPeriod } from '../format';
import { useCursorPages } from '../components/CursorPager';
import { ProblemAlert } from '../components/ProblemAlert';
import { ReviewButtons } from '../components/ReviewButtons';

const PAGE_SIZE = 20;
type Pending = ApprovalQueueQuery['approvalQueue']['edges'][number]['node'];

/** 审核: the submitted reports on the tasks the user may steer (the API's approval queue), oldest first. */
export function ApprovalsPage() {
  const { t } = useTranslation();
  const pages = useCursorPages(PAGE_SIZE);
  const { data, previousData, loading, error, refetch } = useQuery(ApprovalQueueDocument, {
    variables: { first: PAGE_SIZE, after: pages.after },
    fetchPolicy: 'cache-and-network',
  });
  const connection = (data ?? previousData)?.approvalQueue;
  return (
    <Card title={t('approvals.title')}>
      {error ? <ProblemAlert error={error} /> : null}
      <Table<Pending>
        rowKey="id"
        loading={loading && !data}
        dataSource={connection?.edges.map((e) => e.node) ?? []}
        pagination={false}
        locale={{ emptyText: t('approvals.empty') }}
        columns={[
          { title: t('approvals.task'), key: 'task', render: (_, r) => (r.task ? <Link to={`/tasks/${r.task.id}`}>{r.task.number} {r.task.title}</Link> : null) },
          { title: t('approvals.org'), key: 'org', render: (_, r) => r.org.name },
          { title: t('report.period'), dataIndex: 'period', render: (p: string) => formatPeriod(p) },
          { title: t('report.percent'), key: 'percent', render: (_, r) => (r.percent == null ? '' : `${r.percent}%`) },
          { title: t('report.summary'), dataIndex: 'summary', ellipsis: true },
          {
            title: t('report.reportedBy'),
            key: 'by',
            render: (_, r) => (
              <>
                {r.reportedBy} <Typography.Text type="secondary">{formatDateTime(r.reportedAt)}</Typography.Text>
              </>
            ),
          },
          { title: '', key: 'review', render: (_, r) => <ReviewButtons reportId={r.id} onDone={() => void refetch()} /> },
        ]}
      />
      {pages.pager(connection)}
    </Card>
  );
}
