import { Card, Table, Typography } from 'antd';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LeadTasksReportsDocument, type ReportRowFragment } from '../gql/graphql';
import { useCurrentUser, type Me } from '../auth/me';
import { formatDateTime } from '../format';
import { ProblemAlert } from '../components/ProblemAlert';
import { ReviewButtons } from '../components/ReviewButtons';

const REVIEW_ROLES = ['admin', 'planner', 'reporter'];

/** How many submitted reports wait for the user's organization (the badge on 审核); 0 for a viewer. */
export function usePendingReviewCount(me: Me | undefined): number {
  const orgId = me?.orgs[0]?.id;
  const reviewer = !!me?.roles.some((r) => REVIEW_ROLES.includes(r));
  const { data } = useQuery(LeadTasksReportsDocument, { variables: { orgId: orgId ?? '' }, skip: !orgId || !reviewer });
  return (data?.tasks.edges ?? []).reduce(
    (n, { node }) => n + (node.reports ?? []).filter((r) => r.status === 'SUBMITTED').length,
    0,
  );
}

interface Pending {
  report: ReportRowFragment;
  task: { id: string; number?: string | null; title: string };
}

/**
 * 审核: submitted reports on the tasks the user's organization leads, oldest first. Built from `tasks(role: LEAD)`
 * until the API has an approval queue of its own (then only the document in graphql/approvals.graphql changes).
 */
export function ApprovalsPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const orgId = me.orgs[0]?.id;
  const { data, loading, error, refetch } = useQuery(LeadTasksReportsDocument, {
    variables: { orgId: orgId ?? '' },
    skip: !orgId,
    fetchPolicy: 'cache-and-network',
  });
  const pending: Pending[] = (data?.tasks.edges ?? [])
    .flatMap(({ node }) => (node.reports ?? []).filter((r) => r.status === 'SUBMITTED').map((report) => ({ report, task: node })))
    .sort((a, b) => a.report.reportedAt.localeCompare(b.report.reportedAt));
  const reviewer = me.roles.some((r) => REVIEW_ROLES.includes(r));
  return (
    <Card title={t('approvals.title')}>
      {error ? <ProblemAlert error={error} /> : null}
      <Table<Pending>
        rowKey={(p) => p.report.id}
        loading={loading && !data}
        dataSource={pending}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: t('approvals.empty') }}
        columns={[
          { title: t('approvals.task'), key: 'task', render: (_, p) => <Link to={`/tasks/${p.task.id}`}>{p.task.number} {p.task.title}</Link> },
          { title: t('approvals.org'), key: 'org', render: (_, p) => p.report.org.name },
          { title: t('report.period'), key: 'period', render: (_, p) => p.report.period },
          { title: t('report.percent'), key: 'percent', render: (_, p) => (p.report.percent == null ? '' : `${p.report.percent}%`) },
          { title: t('report.summary'), key: 'summary', ellipsis: true, render: (_, p) => p.report.summary },
          {
            title: t('report.reportedBy'),
            key: 'by',
            render: (_, p) => (
              <>
                {p.report.reportedBy} <Typography.Text type="secondary">{formatDateTime(p.report.reportedAt)}</Typography.Text>
              </>
            ),
          },
          ...(reviewer
            ? [{ title: '', key: 'review', render: (_: unknown, p: Pending) => <ReviewButtons reportId={p.report.id} onDone={() => void refetch()} /> }]
            : []),
        ]}
      />
    </Card>
  );
}
