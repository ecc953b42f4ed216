import { createTheme } from '@mantine/core';
import dayjs from 'dayjs';
import i18n from './i18n.js';

/** A calendar's month heading as each language writes it: 2026年9月, not "九月 2026". */
const monthLabelFormat = (date: string) => dayjs(date).format(i18n.language === 'en' ? 'MMMM YYYY' : 'YYYY年M月');
const withMonthLabel = { defaultProps: { monthLabelFormat } };

// Windows first (the room's PC), then macOS, then Linux; never let Chinese fall back to boxes.
const CJK = '"Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Noto Sans SC", "WenQuanYi Micro Hei", "Source Han Sans SC"';

export const theme = createTheme({
  fontFamily: `-apple-system, "Segoe UI", ${CJK}, sans-serif`,
  headings: { fontFamily: `-apple-system, "Segoe UI", ${CJK}, sans-serif` },
  primaryColor: 'teal',
  defaultRadius: 'md',
  components: {
    Calendar: withMonthLabel,
    DatePicker: withMonthLabel,
    DateInput: withMonthLabel,
    DatePickerInput: withMonthLabel,
    DateTimePicker: withMonthLabel,
  },
});
