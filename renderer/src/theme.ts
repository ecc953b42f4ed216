import { createTheme } from '@mantine/core';

// Windows first (the room's PC), then macOS, then Linux; never let Chinese fall back to boxes.
const CJK = '"Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Noto Sans SC", "WenQuanYi Micro Hei", "Source Han Sans SC"';

export const theme = createTheme({
  fontFamily: `-apple-system, "Segoe UI", ${CJK}, sans-serif`,
  headings: { fontFamily: `-apple-system, "Segoe UI", ${CJK}, sans-serif` },
  primaryColor: 'teal',
  defaultRadius: 'md',
});
