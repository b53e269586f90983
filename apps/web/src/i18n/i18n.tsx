import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { fillTemplate, LABELS, type Message } from '@domain-messages';
import { UI_MESSAGES, type UiMessageKey } from './ui.messages';

export type Lang = keyof Message;
export type Params = Record<string, string | number | Message>;

const STORAGE_KEY = 'grassroots.lang';

interface I18n {
  readonly lang: Lang;
  setLang(lang: Lang): void;
  /** A UI message in the current language. */
  t(key: UiMessageKey, params?: Params): string;
  /** A bilingual value from the server or the domain labels, in the current language. */
  text(message: Message | null | undefined): string;
}

const I18nContext = createContext<I18n | null>(null);

function initialLang(): Lang {
  const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
  return stored === 'en' ? 'en' : 'vi';
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const setLang = useCallback((l: Lang) => {
    localStorage.setItem(STORAGE_KEY, l);
    setLangState(l);
  }, []);
  const value = useMemo<I18n>(
    () => ({
      lang,
      setLang,
      t: (key, params) => fillTemplate(UI_MESSAGES[key][lang], lang, params),
      text: (m) => (m ? m[lang] : ''),
    }),
    [lang, setLang],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}

/** The API catalogue's labels (kinds, statuses, actions, roles …), shared with the server. */
export { LABELS };

/** A label of an enumeration, or the raw value when the catalogue has none (never a crash on a new value). */
export function label(group: keyof typeof LABELS, value: string, lang: Lang): string {
  const entry = (LABELS[group] as Record<string, Message | undefined>)[value];
  return entry ? entry[lang] : value;
}
