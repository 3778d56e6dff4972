import { useMemo } from 'react';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { OrganizationNamesDocument, type TaskQuery } from '../gql/graphql';
import { formatDate } from '../format';
import { HistoryTimeline } from './HistoryTimeline';

type Entry = NonNullable<NonNullable<TaskQuery['task']>['history']>[number];

/** Bookkeeping a reader does not act on; a creation lists no fields (they are all on the page above). */
const HIDDEN_FIELDS = ['id', 'version', 'planId', 'sectionId', 'reminderId'];
/** Fields whose values are lists of organization ids. */
const ORG_FIELDS = ['leadOrgIds', 'cooperatingOrgIds'];
/** Fields whose value is one organization id (催办, 重新开放). */
const ORG_FIELD = ['orgId', 'reopenedOrgId'];

/** A FieldChange value is JSON text, except that a string comes without its quotes. */
function parse(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

/** The organization ids the shown changes hold, so that their names are read in one request. */
export function orgIdsOf(history: readonly Entry[]): string[] {
  const ids = new Set<string>();
  for (const h of history) {
    for (const c of h.changes) {
      if (!ORG_FIELDS.includes(c.field) && !ORG_FIELD.includes(c.field)) continue;
      for (const value of [c.before, c.after]) {
        const list = value == null ? [] : ORG_FIELD.includes(c.field) ? [value] : parse(value);
        if (Array.isArray(list)) list.forEach((id) => typeof id === 'string' && ids.add(id));
      }
    }
  }
  return [...ids].sort();
}

/** One value of a change as staff read it: names for organization ids, Chinese dates, 是/否, the status's name. */
export function describeValue(field: string, value: string | null | undefined, names: ReadonlyMap<string, string>, t: TFunction): string {
  if (value == null) return '—';
  const parsed = parse(value);
  if (ORG_FIELDS.includes(field) && Array.isArray(parsed)) {
    return parsed.length ? parsed.map((id) => names.get(String(id)) ?? t('historyValue.unknownOrg')).join('、') : t('historyValue.empty');
  }
  if (ORG_FIELD.includes(field)) return names.get(value) ?? t('historyValue.unknownOrg');
  if (field === 'status') return t(`status.${value}`, { defaultValue: value });
  if (field === 'reportCadence') return t(`cadence.${value}`, { defaultValue: value });
  if (field === 'deadlineDate' || field === 'reopenedUntil') return formatDate(value);
  if (field === 'recipients' && Array.isArray(parsed)) return parsed.length ? parsed.join('、') : t('historyValue.empty');
  if (typeof parsed === 'boolean') return t(parsed ? 'historyValue.yes' : 'historyValue.no');
  if (field === 'milestones' && Array.isArray(parsed)) {
    return parsed.length
      ? parsed.map((m: { dueDate?: string | null; description?: string }) => [formatDate(m.dueDate), m.description].filter(Boolean).join(' ')).join('；')
      : t('historyValue.empty');
  }
  return value === '' ? t('historyValue.empty') : value;
}

/** 变更记录: who changed what when, newest first, organizations by name (one request for all of them). */
export function TaskHistory({ history }: { history: readonly Entry[] }) {
  const { t } = useTranslation();
  const ids = useMemo(() => orgIdsOf(history), [history]);
  const { data } = useQuery(OrganizationNamesDocument, { variables: { ids }, skip: ids.length === 0 });
  const names = useMemo(() => new Map((data?.organizations.edges ?? []).map((e) => [e.node.id, e.node.name])), [data]);
  return (
    <HistoryTimeline
      entries={history}
      testId="task-history"
      empty={t('task.noHistory')}
      listed={(action, field) => action !== 'CREATE' && !HIDDEN_FIELDS.includes(field)}
      describe={(field, value) => describeValue(field, value, names, t)}
    />
  );
}
