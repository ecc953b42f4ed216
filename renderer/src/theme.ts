import { createTheme } from '@mantine/core';
import dayjs from 'dayjs';
import i18n from './i18n.js';
import { FONT_FAMILY } from './fonts.js';

/** A calendar's month heading as each language writes it: 2026年9月, not "九月 2026". */
const monthLabelFormat = (date: string) => dayjs(date).format(i18n.language === 'en' ? 'MMMM YYYY' : 'YYYY年M月');
const withMonthLabel = { defaultProps: { monthLabelFormat } };


export const theme = createTheme({
  fontFamily: FONT_FAMILY,
  headings: { fontFamily: FONT_FAMILY },
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
