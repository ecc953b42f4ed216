// Windows first (the room's PC), then macOS, then Linux; never let Chinese fall back to boxes.
const CJK = '"Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Noto Sans SC", "WenQuanYi Micro Hei", "Source Han Sans SC"';

/** The desk's one font stack: Mantine's theme and the start screens (as `--home-desk-font`) both use it. */
export const FONT_FAMILY = `-apple-system, "Segoe UI", ${CJK}, sans-serif`;
