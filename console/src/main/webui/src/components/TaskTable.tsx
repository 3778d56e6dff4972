import type { ReactNode } from 'react';
import { Progress, Space, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TaskRowFragment } from '../gql/graphql';
import { formatDeadline } from '../format';
import { HealthTag } from './HealthTag';

/**
 * Tasks as the lists show them: number, title (to the task page), plan, lead units, deadline, progress, health (with
 * why, on hover); `marks` adds tags after a title (the inbox's 待填报 / 已退回).
 */
export function TaskTable({
  tasks,
  loading,
  showPlan = true,
  marks,
}: {
  tasks: TaskRowFragment[];
  loading?: boolean;
  showPlan?: boolean;
  marks?: (task: TaskRowFragment) => ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Table<TaskRowFragment>
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={tasks}
      pagination={false}
      locale={{ emptyText: t('tasks.empty') }}
      columns={[
        { title: t('tasks.number'), dataIndex: 'number', width: 70 },
        {
          title: t('tasks.task'),
          dataIndex: 'title',
          render: (_, task) => (
            <Space size={4} wrap>
              <Link to={`/tasks/${task.id}`}>{task.title}</Link>
              {marks?.(task)}
            </Space>
          ),
        },
        ...(showPlan ? [{ title: t('tasks.plan'), key: 'plan', render: (_: unknown, task: TaskRowFragment) => task.plan?.title }] : []),
        { title: t('tasks.lead'), key: 'lead', render: (_, task) => (task.leadOrgs ?? []).map((o) => o.name).join('、') },
        { title: t('tasks.deadline'), key: 'deadline', width: 150, render: (_, task) => formatDeadline(task.deadline) },
        {
          title: t('tasks.progress'),
          dataIndex: 'progressPercent',
          width: 130,
          render: (value: number | null | undefined) => <Progress percent={value ?? 0} size="small" />,
        },
        {
          title: t('tasks.health'),
          dataIndex: 'health',
          width: 90,
          render: (h: string, task) => <HealthTag health={h} reason={task.healthReason?.text} />,
        },
      ]}
    />
  );
}
