import { App as AntApp, ConfigProvider, Spin } from 'antd';
import enUS from 'antd/locale/en_US';
import viVN from 'antd/locale/vi_VN';
import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { lazy, Suspense, useEffect } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { ApiProblem } from '../api/problem';
import { RequireAuth } from '../auth/RequireAuth';
import { SessionProvider } from '../auth/session';
import { I18nProvider, useI18n } from '../i18n/i18n';

// Every page is its own chunk: the first page loads only what it shows.
const LoginPage = lazy(() => import('../auth/LoginPage'));
const StartPage = lazy(() => import('../pages/StartPage'));
const NotFoundPage = lazy(() => import('../pages/NotFoundPage'));
const StaffLayout = lazy(() => import('../layout/StaffLayout'));
const PublicLayout = lazy(() => import('../layout/PublicLayout'));

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A refusal (4xx) will not change by asking again; a network hiccup might.
      retry: (count, error) => !(error instanceof ApiProblem && error.status < 500) && count < 2,
      refetchOnWindowFocus: false,
    },
  },
});

// Text and link colours darker than antd's defaults: WCAG AA contrast (4.5:1) on white and on the grey page.
const THEME = {
  token: { colorPrimary: '#1d4e89', colorLink: '#1d4e89', colorInfo: '#1d4e89', colorTextSecondary: 'rgba(0, 0, 0, 0.68)', colorTextTertiary: 'rgba(0, 0, 0, 0.62)', colorTextDescription: 'rgba(0, 0, 0, 0.62)', colorTextPlaceholder: 'rgba(0, 0, 0, 0.6)', borderRadius: 4, fontSize: 15 },
};

function Localized() {
  const { lang } = useI18n();
  useEffect(() => {
    dayjs.locale(lang === 'vi' ? 'vi' : 'en');
  }, [lang]);
  return (
    <ConfigProvider locale={lang === 'vi' ? viVN : enUS} theme={THEME}>
      <AntApp>
        <BrowserRouter>
          <Suspense fallback={<div className="page-loading"><Spin /></div>}>
            <Routes>
              <Route path="/login" element={<LoginPage />} />
              <Route element={<PublicLayout />}>
              </Route>
              <Route element={<RequireAuth />}>
                <Route element={<StaffLayout />}>
                  <Route index element={<StartPage />} />
                  <Route path="*" element={<NotFoundPage />} />
                </Route>
              </Route>
            </Routes>
          </Suspense>
        </BrowserRouter>
      </AntApp>
    </ConfigProvider>
  );
}

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <SessionProvider>
          <Localized />
        </SessionProvider>
      </I18nProvider>
    </QueryClientProvider>
  );
}
