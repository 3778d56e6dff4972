import type { TFunction } from 'i18next';
import { formatValue } from '../components/IndicatorTable';

/** One field of a history entry in words: names instead of ids, values with their unit, enums translated. */
export function describeHistoryValue(
  field: string,
  value: string | null | undefined,
  names: Map<string, string>,
  unit: string | null | undefined,
  t: TFunction,
): string {
  const name = (id: string) => names.get(id) ?? t('indicators.unknownOrg');
  if (value == null) return field === 'regionId' ? t('indicators.wholeArea') : '—';
  const parsed = () => {
    try {
      return JSON.parse(value) as unknown;
    } catch {
      return null;
    }
  };
  switch (field) {
    case 'regionId':
      return name(value);
    case 'responsibleOrgIds': {
      const ids = parsed();
      return Array.isArray(ids) ? ids.map((id) => name(String(id))).join('、') : value;
    }
    case 'rows': {
      const rows = parsed();
      return Array.isArray(rows)
        ? rows.map((r: { regionId?: string; value?: number }) => `${name(String(r.regionId))} ${formatValue(r.value, unit)}`).join('、')
        : value;
    }
    case 'value':
    case 'targetValue':
    case 'baselineValue':
      return Number.isFinite(Number(value)) ? formatValue(Number(value), unit) : value;
    case 'nature':
      return t(`nature.${value}`, { defaultValue: value });
    case 'comparator':
      return t(`comparator.${value}`, { defaultValue: value }) || value;
    default:
      return value;
  }
}

