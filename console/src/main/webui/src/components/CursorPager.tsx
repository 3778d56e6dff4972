import { Button, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/**
 * Previous / next over the API's opaque cursors (clients must not compute them): the cursors of the pages already
 * seen are kept, so going back needs no arithmetic on them.
 */
export function CursorPager({
  page,
  pageSize,
  totalCount,
  hasNextPage,
  onPrevious,
  onNext,
}: {
  page: number;
  pageSize: number;
  totalCount: number;
  hasNextPage: boolean;
  onPrevious: () => void;
  onNext: () => void;
}) {
  const { t } = useTranslation();
  const pages = Math.max(1, Math.ceil(totalCount / pageSize));
  return (
    <Space style={{ marginTop: 16, width: '100%', justifyContent: 'flex-end' }}>
      <Typography.Text type="secondary">{t('tasks.total', { count: totalCount })}</Typography.Text>
      <Button size="small" disabled={page === 0} onClick={onPrevious}>
        {t('pager.previous')}
      </Button>
      <span data-testid="pager-page">{t('pager.page', { page: page + 1, pages })}</span>
      <Button size="small" disabled={!hasNextPage} onClick={onNext}>
        {t('pager.next')}
      </Button>
    </Space>
  );
}

