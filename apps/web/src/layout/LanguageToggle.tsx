import { Button } from 'antd';
import { useI18n } from '../i18n/i18n';

/** Names the other language in that language ("English" / "Tiếng Việt"): what a reader of it looks for. */
export function LanguageToggle() {
  const { t, lang, setLang } = useI18n();
  const other = lang === 'vi' ? 'en' : 'vi';
  return (
    <Button type="text" onClick={() => setLang(other)} lang={other} title={t('lang.switch_label')}>
      {t('lang.switch_to')}
    </Button>
  );
}
