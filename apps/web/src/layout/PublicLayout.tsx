import { Link, Outlet, useLocation } from 'react-router';
import { ErrorBoundary } from '../components/ErrorBoundary';
import { useI18n } from '../i18n/i18n';
import { LanguageToggle } from './LanguageToggle';

/** The citizen's pages: one column, no sign-in, large tap targets. */
export default function PublicLayout() {
  const { t } = useI18n();
  const location = useLocation();
  return (
    <div className="public-layout">
      <a className="skip-link" href="#main">{t('app.skip_to_content')}</a>
      <header className="public-header">
        <Link to="/track" className="public-brand">{t('nav.public_tracking')}</Link>
        <LanguageToggle />
      </header>
      <main id="main" className="public-main" tabIndex={-1}>
        <ErrorBoundary key={location.pathname}>
          <Outlet />
        </ErrorBoundary>
      </main>
    </div>
  );
}
