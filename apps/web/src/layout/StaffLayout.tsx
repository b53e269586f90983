import { Button, Layout, Menu, Space, Typography } from 'antd';
import { Link, Outlet, useLocation } from 'react-router';
import { navigationFor } from '../app/navigation';
import { useSession, useUser } from '../auth/session';
import { label, useI18n } from '../i18n/i18n';
import { ErrorBoundary } from '../components/ErrorBoundary';
import { LanguageToggle } from './LanguageToggle';

/** Header (unit, user, language) and the role's left menu around every staff page. */
export default function StaffLayout() {
  const { t, lang } = useI18n();
  const user = useUser();
  const { logout } = useSession();
  const location = useLocation();
  const unitName = user.unitName;
  const entries = navigationFor(user.role);
  const selected = entries.find((e) => location.pathname === e.path || location.pathname.startsWith(`${e.path}/`))?.path;

  return (
    <Layout className="staff-layout">
      <a className="skip-link" href="#main">{t('app.skip_to_content')}</a>
      <Layout.Header className="staff-header">
        <Link to="/" className="staff-brand">{t('app.name')}</Link>
        <Space className="staff-header-right" size="middle" wrap>
          {unitName && <Typography.Text className="staff-unit"><span className="visually-hidden">{t('header.unit')}: </span>{unitName}</Typography.Text>}
          <Typography.Text className="staff-user">{user.fullName} · {label('role', user.role, lang)}</Typography.Text>
          <LanguageToggle />
          <Button onClick={logout}>{t('session.logout')}</Button>
        </Space>
      </Layout.Header>
      <Layout>
        <Layout.Sider width={220} breakpoint="lg" collapsedWidth={0} className="staff-sider" theme="light">
          <nav aria-label={t('nav.menu')}>
            <Menu
              mode="inline"
              selectedKeys={selected ? [selected] : []}
              items={entries.map((e) => ({ key: e.path, label: <Link to={e.path}>{t(e.label)}</Link> }))}
            />
          </nav>
        </Layout.Sider>
        <Layout.Content className="staff-content">
          <main id="main" tabIndex={-1}>
            <ErrorBoundary key={location.pathname}>
              <Outlet />
            </ErrorBoundary>
          </main>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
