/**
 * A file name Windows can save: the characters it refuses (\ / : * ? " < > |) become `_`. Names hold
 * what teachers typed (an event's title, a summary's title), so every exported file's name passes here.
 */
export function safeFileName(name: string): string {
  return name.replace(/[\\/:*?"<>|]/g, '_');
}
