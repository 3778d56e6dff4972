import { useState } from 'react';
import { Alert, Card, Segmented, Select, Space } from 'antd';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { OrgTasksDocument, type Health, type TaskRole } from '../gql/graphql';
import { useCurrentUser } from '../auth/me';
import { TaskTable } from '../components/TaskTable';
import { CursorPager } from '../components/CursorPager';
import { ProblemAlert } from '../components/ProblemAlert';

const PAGE_SIZE = 20;

/** 我的任务: what the user's organization leads or cooperates on, filtered by role and health, page by page. */
export function MyTasksPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const [orgId, setOrgId] = useState(me.orgs[0]?.id);
  const [role, setRole] = useState<TaskRole>('ANY');
  const [health, setHealth] = useState<Health | 'ALL'>('ALL');
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const page = cursors.length - 1;
  const { data, previousData, loading, error } = useQuery(OrgTasksDocument, {
    variables: {
      orgId: orgId ?? '',
      role,
      health: health === 'ALL' ? undefined : health,
      first: PAGE_SIZE,
      after: cursors[page],
    },
    skip: !orgId,
    fetchPolicy: 'cache-and-network',
  });
  const connection = (data ?? previousData)?.tasks;
  const restart = () => setCursors([undefined]);

  if (!orgId) return <Alert type="info" showIcon title={t('tasks.noOrg')} />;
  return (
    <Card title={t('tasks.title')}>
      <Space wrap style={{ marginBottom: 16 }}>
        {me.orgs.length > 1 ? (
          <Select
            style={{ minWidth: 240 }}
            value={orgId}
            onChange={(v) => { setOrgId(v); restart(); }}
            options={me.orgs.map((o) => ({ value: o.id, label: o.name }))}
          />
        ) : (
          <strong>{me.orgs[0].name}</strong>
        )}
        <Segmented<TaskRole>
          value={role}
          onChange={(v) => { setRole(v); restart(); }}
          options={(['ANY', 'LEAD', 'COOPERATING'] as const).map((r) => ({ value: r, label: t(`tasks.role${r}`) }))}
        />
        <Select<Health | 'ALL'>
          style={{ width: 140 }}
          value={health}
          onChange={(v) => { setHealth(v); restart(); }}
          options={[
            { value: 'ALL', label: t('tasks.allHealth') },
            ...(['RED', 'YELLOW', 'GREEN', 'DONE'] as const).map((h) => ({ value: h, label: t(`healthLong.${h}`) })),
          ]}
        />
      </Space>
      {error ? <ProblemAlert error={error} /> : null}
      <TaskTable tasks={connection?.edges.map((e) => e.node) ?? []} loading={loading} />
      {connection ? (
        <CursorPager
          page={page}
          pageSize={PAGE_SIZE}
          totalCount={connection.totalCount}
          hasNextPage={connection.pageInfo.hasNextPage}
          onPrevious={() => setCursors(cursors.slice(0, -1))}
          onNext={() => setCursors([...cursors, connection.pageInfo.endCursor ?? undefined])}
        />
      ) : null}
    </Card>
  );
}
