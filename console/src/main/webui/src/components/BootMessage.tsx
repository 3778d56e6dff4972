import { Button, Result, Spin } from 'antd';
import { useTranslation } from 'react-i18next';

/** What shows before the app can render: loading the settings, the redirect to login, or why it could not start. */
export function BootMessage({ kind, detail }: { kind: 'loading' | 'signingIn' | 'failed'; detail?: string }) {
  const { t } = useTranslation();
  if (kind === 'failed') {
    return (
      <Result
        status="error"
        title={t('error.NETWORK')}
        subTitle={detail}
        extra={<Button onClick={() => window.location.reload()}>{t('error.reload')}</Button>}
      />
    );
  }
  return (
    <div style={{ display: 'flex', height: '100vh', alignItems: 'center', justifyContent: 'center' }}>
      <Spin size="large" tip={t(kind === 'loading' ? 'app.loading' : 'app.signingIn')}>
        <div style={{ width: 200, height: 80 }} />
      </Spin>
    </div>
  );
}
