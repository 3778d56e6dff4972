import { Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../format';
import type { HistoryEntryRowFragment } from '../gql/graphql';


/**
 * A record's change history, newest first: when, who, what action, and each changed field before → after. A creation
 * lists no fields (they are all on the page above); `hiddenFields` are bookkeeping a reader does not act on.
 */
export function HistoryTimeline({
  history,
  hiddenFields,
  shown,
  empty,
  testId,
}: {
  history: readonly HistoryEntryRowFragment[];
  hiddenFields: readonly string[];
  shown: (field: string, value?: string | null) => string;
  empty: string;
  testId: string;
}) {
  const { t } = useTranslation();
  if (!history.length) return <Typography.Text type="secondary">{empty}</Typography.Text>;
  return (
    <Timeline
      data-testid={testId}
      items={history.map((h) => ({
        children: (
          <>
            <Typography.Text strong>{formatDateTime(h.at)}</Typography.Text> {h.actor} · {t(`historyAction.${h.action}`, { defaultValue: h.action })}
            <div>
              {h.changes
                .filter((c) => h.action !== 'CREATE' && !hiddenFields.includes(c.field))
                .map((c) => (
                  <div key={c.field}>
                    <Typography.Text type="secondary">{t(`historyField.${c.field}`, { defaultValue: c.field })}</Typography.Text>
                    ：{shown(c.field, c.before)} → {shown(c.field, c.after)}
                  </div>
                ))}
            </div>
          </>
        ),
      }))}
    />
  );
}
