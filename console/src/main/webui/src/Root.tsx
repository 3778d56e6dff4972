import { useEffect, useState } from 'react';
import { ApolloProvider } from '@apollo/client/react';
import type { ApolloClient } from '@apollo/client';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useTranslation } from 'react-i18next';
import { BrowserRouter } from 'react-router';
import type { User, UserManager } from 'oidc-client-ts';
import { AuthContext } from './auth/AuthContext';
import { AppRoutes } from './AppRoutes';

export function Root({
  client,
  userManager,
  user,
  graphqlUrl,
}: {
  client: ApolloClient;
  userManager: UserManager;
  user: User;
  graphqlUrl: string;
}) {
  const { i18n } = useTranslation();
  const [current, setCurrent] = useState(user);
  useEffect(() => {
    const loaded = (u: User) => setCurrent(u);
    userManager.events.addUserLoaded(loaded);
    return () => userManager.events.removeUserLoaded(loaded);
  }, [userManager]);
  const zh = i18n.language !== 'en';
  dayjs.locale(zh ? 'zh-cn' : 'en');
  return (
    <ConfigProvider locale={zh ? zhCN : enUS} theme={{ token: { colorPrimary: '#b71c1c' } }}>
      <AntApp>
        <AuthContext.Provider value={{ user: current, userManager, graphqlUrl }}>
          <ApolloProvider client={client}>
            <BrowserRouter>
              <AppRoutes />
            </BrowserRouter>
          </ApolloProvider>
        </AuthContext.Provider>
      </AntApp>
    </ConfigProvider>
  );
}
