import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import i18n from './i18n';

const zh = () => i18n.language !== 'en';

/** `2025-12-31` → `2025年12月31日` (Chinese) or `2025-12-31`. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '';
  const d = dayjs(value);
  return zh() ? d.format('YYYY年M月D日') : d.format('YYYY-MM-DD');
}

/** An instant → `2026年1月5日 14:03`. */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '';
  const d = dayjs(value);
  return zh() ? d.format('YYYY年M月D日 HH:mm') : d.format('YYYY-MM-DD HH:mm');
}

export interface DeadlineLike {
  date?: string | null;
  ongoing: boolean;
  text?: string | null;
}

/** A task's deadline as staff say it: the date, 长期坚持 for an ongoing task, or the document's wording. */
export function formatDeadline(deadline: DeadlineLike | null | undefined): string {
  if (!deadline) return i18n.t('deadline.none');
  if (deadline.ongoing) return i18n.t('deadline.ongoing');
  if (deadline.date) return formatDate(deadline.date);
  return deadline.text || i18n.t('deadline.none');
}

export function formatNumber(value: number | null | undefined): string {
  if (value == null) return '';
  return new Intl.NumberFormat(zh() ? 'zh-CN' : 'en-US').format(value);
}

/** A period of an indicator's value: `2025` → `2025年`, `2021-2025` → `2021—2025年` (Chinese), else as stored. */
export function formatPeriod(period: string | null | undefined): string {
  if (!period) return '';
  if (!zh()) return period;
  const range = /^(\d{4})-(\d{4})$/.exec(period);
  if (range) return `${range[1]}—${range[2]}年`;
  // The reporting period codes of a task's cadence, written as the server's own period labels are.
  const month = /^(\d{4})-(\d{2})$/.exec(period);
  if (month && +month[2] >= 1 && +month[2] <= 12) return `${month[1]}年${+month[2]}月`;
  const quarter = /^(\d{4})Q([1-4])$/.exec(period);
  if (quarter) return `${quarter[1]}年第${'一二三四'[+quarter[2] - 1]}季度`;
  const half = /^(\d{4})H([12])$/.exec(period);
  if (half) return `${half[1]}年${half[2] === '1' ? '上' : '下'}半年`;
  return /^\d{4}$/.test(period) ? `${period}年` : period;
}

/** A remark after a value: `96个（2025年）` in Chinese, `96个 (2025)` in English. */
export function withRemark(text: string, remark: string): string {
  return zh() ? `${text}（${remark}）` : `${text} (${remark})`;
}
