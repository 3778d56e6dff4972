import { useState } from 'react';
import { App, Button } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { downloadLedger } from '../api/ledger';
import { useAuth } from '../auth/AuthContext';

/** 下载台账: the spreadsheet of what the screen lists (`path` under the gateway's `/ledger/`), saved under its Chinese name. */
export function LedgerButton({ path, testId = 'ledger-download' }: { path: string; testId?: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { graphqlUrl, userManager } = useAuth();
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    try {
      await downloadLedger(graphqlUrl, userManager, path);
    } catch (e) {
      const code = e instanceof Error ? e.message : String(e);
      void message.error(t('plans.ledgerFailed', { reason: t(`error.${code}`, { defaultValue: t('error.UNKNOWN') }) }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button icon={<DownloadOutlined />} loading={busy} data-testid={testId} onClick={() => void download()}>
      {t('plans.ledger')}
    </Button>
  );
}
