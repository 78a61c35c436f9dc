/** The citizen portal's words, zh-CN and English with the same keys (registered in src/i18n). */
import { en } from './i18n.en';
import { zhCN } from './i18n.zh-CN';

export const portalI18n = { zhCN, en };
