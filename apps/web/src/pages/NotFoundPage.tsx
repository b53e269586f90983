import { Button, Result } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../i18n/i18n';

export default function NotFoundPage() {
  const { t } = useI18n();
  return <Result status="404" title="404" subTitle={t('common.not_found_page')} extra={<Link to="/"><Button type="primary">{t('common.back_home')}</Button></Link>} />;
}
