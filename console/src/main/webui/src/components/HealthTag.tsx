import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';

const COLORS: Record<string, string> = { RED: 'red', YELLOW: 'gold', GREEN: 'green', DONE: 'blue' };

/** The colour of a task; `reason` (the API's healthReason.text, in Chinese) says why, on hover. */
export function HealthTag({ health, reason }: { health: string; reason?: string | null }) {
  const { t } = useTranslation();
  const tag = (
    <Tag color={COLORS[health] ?? 'default'} data-health={health}>
      {t(`health.${health}`, { defaultValue: health })}
    </Tag>
  );
  return reason ? <Tooltip title={reason}>{tag}</Tooltip> : tag;
}
