const COMPOUND_SURNAMES = [
  '欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '宇文', '司徒', '夏侯', '令狐', '端木', '独孤', '南宫', '西门',
];

/**
 * The given name a child is called by, shown big on the kiosk: 张三丽 → 三丽, 欧阳娜娜 → 娜娜,
 * 阿依古丽·买买提 → 阿依古丽. A two-character name keeps its last character (王芳 → 芳).
 */
export function givenName(name: string): string {
  if (name.includes('·')) return name.split('·')[0]!;
  const chars = [...name];
  if (chars.length <= 1) return name;
  const surname = COMPOUND_SURNAMES.some((s) => name.startsWith(s)) && chars.length > 2 ? 2 : 1;
  return chars.slice(surname).join('');
}

/**
 * What a child is called by, the way Chinese speaks: the given name when it has two or more characters
 * (张三丽 → 三丽, 欧阳娜娜 → 娜娜), the full name when the given name is a single character (何诗 → 何诗,
 * never 诗: a child is not called by one character alone). A name with a middle dot keeps its first part.
 */
export function calledName(name: string): string {
  const given = givenName(name);
  return [...given].length >= 2 ? given : name;
}
