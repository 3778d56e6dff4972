import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const COLORS: Record<string, string> = { RED: 'red', YELLOW: 'gold', GREEN: 'green', DONE: 'blue' };

export function HealthTag({ health }: { health: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLORS[health] ?? 'default'} data-health={health}>
      {t(`health.${health}`, { defaultValue: health })}
    </Tag>
  );
}
