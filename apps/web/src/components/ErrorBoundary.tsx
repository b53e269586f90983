import { Button, Result } from 'antd';
import { Component, type ReactNode } from 'react';
import { useI18n } from '../i18n/i18n';

function Fallback({ onRetry }: { onRetry: () => void }) {
  const { t } = useI18n();
  return <Result status="error" title={t('common.page_error')} extra={<Button onClick={onRetry}>{t('common.retry')}</Button>} />;
}

/** A page that throws while rendering shows a plain message and a retry, not a blank screen. */
export class ErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }
  override componentDidCatch(error: unknown): void {
    console.error(error);
  }
  override render(): ReactNode {
    return this.state.failed ? <Fallback onRetry={() => this.setState({ failed: false })} /> : this.props.children;
  }
}
