import { Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../format';

interface Entry {
  at: string;
  actor: string;
  action: string;
  changes: readonly { field: string; before?: string | null; after?: string | null }[];
}

/**
 * The audited writes of a record, newest first: when, who, which action, and each changed field as `before → after`.
 * `describe` puts a value in words (names for ids, translated enums); when it answers null for the value before, the
 * field had none and only the new value is shown. `listed` leaves out bookkeeping and what a creation set.
 */
export function HistoryTimeline({
  entries,
  testId,
  empty,
  listed,
  describe,
}: {
  entries: readonly Entry[];
  testId: string;
  empty: string;
  listed: (action: string, field: string) => boolean;
  describe: (field: string, value: string | null | undefined) => string | null;
}) {
  const { t } = useTranslation();
  if (!entries.length) return <Typography.Text type="secondary">{empty}</Typography.Text>;
  return (
    <Timeline
      data-testid={testId}
      items={entries.map((h) => ({
        content: (
          <>
            <Typography.Text strong>{formatDateTime(h.at)}</Typography.Text> {h.actor} · {t(`historyAction.${h.action}`, { defaultValue: h.action })}
            <div>
              {h.changes
                .filter((c) => listed(h.action, c.field))
                .map((c) => {
                  const before = describe(c.field, c.before);
                  return (
                    <div key={c.field}>
                      <Typography.Text type="secondary">{t(`historyField.${c.field}`, { defaultValue: c.field })}</Typography.Text>
                      ：{before != null ? `${before} → ` : null}
                      {describe(c.field, c.after) ?? '—'}
                    </div>
                  );
                })}
            </div>
          </>
        ),
      }))}
    />
  );
}
