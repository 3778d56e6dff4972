import { useState } from 'react';
import { App, Badge, Button, Drawer, Empty, List, Segmented, Space, Switch, Tag, Typography } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import {
  EmailSettingsDocument,
  MarkAllNotificationsReadDocument,
  MarkNotificationReadDocument,
  MuteEmailDocument,
  NotificationsDocument,
  UnreadNotificationCountDocument,
  type NotificationCategory,
} from '../gql/graphql';
import { formatDateTime } from '../format';
import { ProblemAlert } from '../components/ProblemAlert';
import { useCursorPages } from '../components/CursorPager';

/** How often the badge asks for new notifications (reminders are sent by a scan, not pushed). */
const POLL_MS = 60_000;
const CATEGORY_COLORS: Record<NotificationCategory, string> = {
  DUE_SOON: 'gold',
  DUE_TODAY: 'orange',
  OVERDUE: 'red',
  ESCALATION: 'volcano',
  URGE: 'magenta',
};
const REFRESH = ['Notifications', 'UnreadNotificationCount'];
const PAGE = 20;

/** 通知: the bell in the header with the unread count; it opens the user's notifications and their e-mail settings. */
export function NotificationBell() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const { data } = useQuery(UnreadNotificationCountDocument, { pollInterval: POLL_MS });
  const count = data?.unreadNotificationCount ?? 0;
  return (
    <>
      <Badge count={count} size="small" data-testid="notification-badge" title={String(count)}>
        <Button
          type="text"
          icon={<BellOutlined />}
          aria-label={t('notifications.title')}
          onClick={() => setOpen(true)}
          data-testid="notification-bell"
        />
      </Badge>
      <Drawer title={t('notifications.title')} open={open} onClose={() => setOpen(false)} size="large" destroyOnHidden>
        <NotificationList onOpenTask={() => setOpen(false)} />
        <EmailSettings />
      </Drawer>
    </>
  );
}

function NotificationList({ onOpenTask }: { onOpenTask: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [filter, setFilter] = useState<'unread' | 'all'>('unread');
  const pages = useCursorPages(PAGE);
  const { data, previousData, loading, error } = useQuery(NotificationsDocument, {
    variables: { unread: filter === 'unread' ? true : undefined, after: pages.after },
    fetchPolicy: 'cache-and-network',
  });
  const [markRead] = useMutation(MarkNotificationReadDocument, { refetchQueries: REFRESH });
  const [markAll, { loading: markingAll }] = useMutation(MarkAllNotificationsReadDocument, { refetchQueries: REFRESH });
  const connection = (data ?? previousData)?.notifications;
  const items = connection?.edges.map((e) => e.node) ?? [];
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Segmented
          value={filter}
          onChange={(v) => {
            setFilter(v as 'unread' | 'all');
            pages.restart();
          }}
          options={[
            { value: 'unread', label: t('notifications.unread') },
            { value: 'all', label: t('notifications.all') },
          ]}
        />
        <Button onClick={() => void markAll()} loading={markingAll} disabled={!(data ?? previousData)?.unreadNotificationCount}>
          {t('notifications.markAllRead')}
        </Button>
      </Space>
      {error ? <ProblemAlert error={error} /> : null}
      <List
        loading={loading && !connection}
        dataSource={items}
        locale={{ emptyText: <Empty description={t(filter === 'unread' ? 'notifications.noneUnread' : 'notifications.none')} /> }}
        data-testid="notification-list"
        renderItem={(n) => (
          <List.Item
            key={n.id}
            data-testid="notification"
            data-read={n.read}
            actions={[
              n.taskId ? (
                <Button
                  key="open"
                  type="link"
                  size="small"
                  onClick={() => {
                    if (!n.read) void markRead({ variables: { id: n.id } });
                    onOpenTask();
                    void navigate(`/tasks/${n.taskId}`);
                  }}
                >
                  {t('notifications.openTask')}
                </Button>
              ) : null,
              !n.read ? (
                <Button key="read" type="link" size="small" onClick={() => void markRead({ variables: { id: n.id } })}>
                  {t('notifications.markRead')}
                </Button>
              ) : null,
            ].filter(Boolean)}
          >
            <List.Item.Meta
              title={
                <Space wrap>
                  <Tag color={CATEGORY_COLORS[n.category]}>{t(`notificationCategory.${n.category}`)}</Tag>
                  <Typography.Text strong={!n.read}>{n.title}</Typography.Text>
                </Space>
              }
              description={
                <>
                  <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 4 }}>{n.body}</Typography.Paragraph>
                  <Typography.Text type="secondary">{formatDateTime(n.createdAt)}</Typography.Text>
                </>
              }
            />
          </List.Item>
        )}
      />
      {connection && connection.totalCount > PAGE ? pages.pager(connection) : null}
    </Space>
  );
}

/** 邮件提醒设置: per category, whether reminders also come by e-mail (the notification in the app always comes). */
function EmailSettings() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { data, error } = useQuery(EmailSettingsDocument);
  const [mute] = useMutation(MuteEmailDocument);
  return (
    <div style={{ marginTop: 24 }} data-testid="email-settings">
      <Typography.Title level={5}>{t('notifications.emailSettings')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('notifications.emailHint')}</Typography.Paragraph>
      {error ? <ProblemAlert error={error} /> : null}
      <List
        size="small"
        dataSource={data?.notificationPreferences ?? []}
        renderItem={(p) => (
          <List.Item
            key={p.category}
            actions={[
              <Switch
                key="mail"
                checked={!p.emailMuted}
                aria-label={t(`notificationCategory.${p.category}`)}
                data-testid={`email-${p.category}`}
                onChange={async (on) => {
                  await mute({ variables: { category: p.category, muted: !on } });
                  void message.success(t(on ? 'notifications.emailOn' : 'notifications.emailOff'));
                }}
              />,
            ]}
          >
            {t(`notificationCategory.${p.category}`)}
          </List.Item>
        )}
      />
    </div>
  );
}
