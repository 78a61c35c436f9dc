import 'i18next';
import type { zhCN } from './zh-CN';

// Typed keys: t('cases.title') is checked against the zh-CN dictionary.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof zhCN };
  }
}
