import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

const MONTHS = ['正', '二', '三', '四', '五', '六', '七', '八', '九', '十', '冬', '腊'];
const TENS = ['初', '十', '廿', '三'];
const DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 初六, 十五, 二十, 廿三, 三十: lunar days as a calendar writes them. */
function lunarDayZh(d: number): string {
  if (d === 10) return '初十';
  if (d === 20) return '二十';
  if (d === 30) return '三十';
  return `${TENS[Math.floor(d / 10)]}${DIGITS[d % 10]}`;
}

/** 农历闰六月初十 / lunar leap 6/10 */
export function useLunarLabel(): (l: { month: number; day: number; leap: boolean }) => string {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  // The same function until the language changes, so memoized rows can take it.
  return useCallback(
    (l) =>
      en
        ? t('birthdays:lunarLabel', { leap: l.leap ? t('birthdays:leap') : '', month: l.month, day: l.day })
        : `农历${l.leap ? '闰' : ''}${MONTHS[l.month - 1]}月${lunarDayZh(l.day)}`,
    [t, en],
  );
}
