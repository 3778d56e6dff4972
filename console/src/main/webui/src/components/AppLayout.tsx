import { Suspense } from 'react';
import { Badge, Button, Layout, Menu, Result, Space, Spin, Tag, Typography } from 'antd';
import {
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  FileTextOutlined,
  ImportOutlined,
  LineChartOutlined,
  LogoutOutlined,
  ProfileOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useAuth } from '../auth/AuthContext';
import { LANGUAGE_KEY } from '../i18n';
import { useMe, MeContext } from '../auth/me';
import { ProblemAlert } from './ProblemAlert';
import { usePendingReviewCount } from './pendingReviews';
import {
  accessTokenClaims,
  canImportPlans,
  canManageOrganizations,
  canManageStaff,
  isPendingAccount,
  PLATFORM_ROLES,
} from '../auth/permissions';
import { NotificationBell } from '../notifications/NotificationBell';
import { useRecheckWhilePending } from '../auth/pendingRecheck';

const { Header, Sider, Content } = Layout;

export function AppLayout() {
  const { t, i18n } = useTranslation();
  const { user, userManager } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const pendingAccount = isPendingAccount(accessTokenClaims(user.access_token));
  useRecheckWhilePending(pendingAccount, userManager);
  const { me, loading, error } = useMe(pendingAccount);
  const pending = usePendingReviewCount(me);
  const selected = '/' + (location.pathname.split('/')[1] || 'tasks');
  const switchLanguage = () => {
    const next = i18n.language === 'en' ? 'zh' : 'en';
    localStorage.setItem(LANGUAGE_KEY, next);
    void i18n.changeLanguage(next);
  };
  const name = [user.profile.family_name, user.profile.given_name].filter(Boolean).join('') || user.profile.preferred_username;
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Sider breakpoint="lg" collapsedWidth={0} theme="light" width={200}>
        <div style={{ padding: '16px 20px', fontWeight: 600, fontSize: 16, color: '#b71c1c' }}>{t('app.title')}</div>
        <Menu
          mode="inline"
          selectedKeys={[selected]}
          onClick={({ key }) => navigate(key)}
          items={[
            { key: '/tasks', icon: <ProfileOutlined />, label: t('menu.myTasks') },
            {
              key: '/approvals',
              icon: <AuditOutlined />,
              label: (
                <Space>
                  {t('menu.approvals')}
                  <Badge count={pending} size="small" data-testid="approvals-badge" />
                </Space>
              ),
            },
            { key: '/dashboard', icon: <BarChartOutlined />, label: t('menu.dashboard') },
            { key: '/plans', icon: <FileTextOutlined />, label: t('menu.plans') },
            { key: '/indicators', icon: <LineChartOutlined />, label: t('menu.indicators') },
            ...(me && canManageOrganizations(me) ? [{ key: '/organizations', icon: <ApartmentOutlined />, label: t('menu.organizations') }] : []),
            ...(me && canManageStaff(me) ? [{ key: '/members', icon: <TeamOutlined />, label: t('menu.members') }] : []),
            ...(me && canImportPlans(me) ? [{ key: '/import', icon: <ImportOutlined />, label: t('menu.import') }] : []),
          ]}
        />
      </Sider>
      <Layout>
        <Header style={{ background: '#fff', display: 'flex', justifyContent: 'flex-end', alignItems: 'center', paddingInline: 24 }}>
          <Space size="middle">
            <span data-testid="current-user">
              <Typography.Text strong>{name}</Typography.Text>
              {me?.orgs.map((o) => (
                <Tag key={o.id} style={{ marginInlineStart: 8 }}>{o.name}</Tag>
              ))}
              {me?.roles.filter((r) => PLATFORM_ROLES.includes(r)).map((r) => (
                <Tag key={r} color="blue">{t(`role.${r}`, { defaultValue: r })}</Tag>
              ))}
            </span>
            {me ? <NotificationBell /> : null}
            <Button type="link" onClick={switchLanguage}>{t('header.language')}</Button>
            <Button icon={<LogoutOutlined />} onClick={() => void userManager.signoutRedirect()}>
              {t('header.logout')}
            </Button>
          </Space>
        </Header>
        <Content style={{ margin: 24 }}>
          {pendingAccount ? (
            <Result status="warning" title={t('pending.title')} subTitle={t('pending.detail')} data-testid="pending-account" />
          ) : error ? (
            <ProblemAlert error={error} />
          ) : null}
          {pendingAccount ? null : loading || !me ? (
            <Spin />
          ) : (
            <MeContext.Provider value={me}>
              <Suspense fallback={<Spin size="large" tip={t('app.loadingPage')} data-testid="page-loading"><div style={{ height: 120 }} /></Spin>}>
                <Outlet />
              </Suspense>
            </MeContext.Provider>
          )}
        </Content>
      </Layout>
    </Layout>
  );
}
