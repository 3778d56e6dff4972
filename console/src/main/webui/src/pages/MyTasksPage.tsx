import { useState } from 'react';
import { Alert, Card, Input, Segmented, Select, Space, Tag } from 'antd';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { MyTasksDocument, type Health, type TaskRole } from '../gql/graphql';
import { useCurrentUser } from '../auth/me';
import { TaskTable } from '../components/TaskTable';
import { useCursorPages } from '../components/CursorPager';
import { ProblemAlert } from '../components/ProblemAlert';
import { LedgerButton } from '../components/LedgerButton';
import { taskLedgerPath } from '../api/ledger';

const PAGE_SIZE = 20;
type Owed = 'ALL' | 'DUE' | 'RETURNED';

/**
 * 我的任务: what the user's organizations lead or cooperate on, most urgent first, with what they still owe
 * (待填报: no report this quarter; 已退回: the last report came back), filtered and searched, page by page.
 */
export function MyTasksPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const [role, setRole] = useState<TaskRole>('ANY');
  const [health, setHealth] = useState<Health | 'ALL'>('ALL');
  const [owed, setOwed] = useState<Owed>('ALL');
  const [search, setSearch] = useState<string | undefined>();
  const pages = useCursorPages(PAGE_SIZE);
  const filters = {
    role,
    health: health === 'ALL' ? undefined : health,
    reportDue: owed === 'DUE' ? true : undefined,
    returned: owed === 'RETURNED' ? true : undefined,
    search,
  };
  const { data, previousData, loading, error } = useQuery(MyTasksDocument, {
    variables: { ...filters, first: PAGE_SIZE, after: pages.after },
    skip: me.orgs.length === 0,
    fetchPolicy: 'cache-and-network',
  });
  const connection = (data ?? previousData)?.myTasks;
  const flags = new Map(connection?.edges.map((e) => [e.node.id, e]) ?? []);
  const restart = pages.restart;

  if (me.orgs.length === 0) return <Alert type="info" showIcon title={t('tasks.noOrg')} />;
  return (
    <Card
      title={t('tasks.title')}
      extra={
        <Space>
          <strong>{me.orgs.map((o) => o.name).join('、')}</strong>
          {/* The same list as a spreadsheet: the filters above, all pages. */}
          <LedgerButton path={taskLedgerPath({ mine: true, ...filters })} />
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Segmented<TaskRole>
          value={role}
          onChange={(v) => { setRole(v); restart(); }}
          options={(['ANY', 'LEAD', 'COOPERATING'] as const).map((r) => ({ value: r, label: t(`tasks.role${r}`) }))}
        />
        <Segmented<Owed>
          value={owed}
          onChange={(v) => { setOwed(v); restart(); }}
          options={(['ALL', 'DUE', 'RETURNED'] as const).map((o) => ({ value: o, label: t(`tasks.owed${o}`) }))}
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
        <Input.Search
          allowClear
          style={{ width: 240 }}
          placeholder={t('tasks.search')}
          onSearch={(v) => { setSearch(v.trim() || undefined); restart(); }}
        />
      </Space>
      {error ? <ProblemAlert error={error} /> : null}
      <TaskTable
        tasks={connection?.edges.map((e) => e.node) ?? []}
        loading={loading}
        marks={(task) => (
          <>
            {flags.get(task.id)?.returned ? <Tag color="volcano" data-testid="mark-returned">{t('tasks.returned')}</Tag> : null}
            {flags.get(task.id)?.reportDue ? <Tag color="processing" data-testid="mark-due">{t('tasks.reportDue')}</Tag> : null}
            {flags.get(task.id)?.missedPeriods ? (
              <Tag color="error" data-testid="mark-missed">{t('tasks.missedPeriods', { count: flags.get(task.id)?.missedPeriods })}</Tag>
            ) : null}
          </>
        )}
      />
      {pages.pager(connection)}
    </Card>
  );
}
