import { useState } from 'react';
import { Button, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../format';

/** What a page of a Relay connection tells the pager. */
interface Connection {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
}

/**
 * Paging over the API's opaque cursors (clients must not compute them): the cursors of the pages already seen are
 * kept, so going back needs no arithmetic on them. `after` goes into the query; `restart` when a filter changes;
 * `pager(connection)` renders previous / next for the page the query answered.
 */
export function useCursorPages(pageSize: number) {
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const page = cursors.length - 1;
  return {
    after: cursors[page],
    restart: () => setCursors([undefined]),
    pager: (connection: Connection | undefined) =>
      connection ? (
        <CursorPager
          page={page}
          pageSize={pageSize}
          totalCount={connection.totalCount}
          hasNextPage={connection.pageInfo.hasNextPage}
          onPrevious={() => setCursors(cursors.slice(0, -1))}
          onNext={() => setCursors([...cursors, connection.pageInfo.endCursor ?? undefined])}
        />
      ) : null,
  };
}

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
      <Typography.Text type="secondary">{t('tasks.total', { count: totalCount, formatted: formatNumber(totalCount) })}</Typography.Text>
      <Button size="small" disabled={page === 0} onClick={onPrevious}>
        {t('pager.previous')}
      </Button>
      <span data-testid="pager-page">{t('pager.page', { page: formatNumber(page + 1), pages: formatNumber(pages) })}</span>
      <Button size="small" disabled={!hasNextPage} onClick={onNext}>
        {t('pager.next')}
      </Button>
    </Space>
  );
}
