import { useEffect, useRef } from 'react';

const CARD = /^C[0-9A-Z]{10}$/i;

/**
 * A USB scanner is a keyboard that types the card code and Enter within a few milliseconds. Keys
 * typed into an input field are left alone; anything else is collected, and a code followed by
 * Enter is handed over.
 */
export function useCardScanner(onCode: (code: string) => void): void {
  const buffer = useRef('');
  const last = useRef(0);
  const handler = useRef(onCode);
  handler.current = onCode;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA')) return;
      const now = Date.now();
      if (now - last.current > 300) buffer.current = '';
      last.current = now;
      if (e.key === 'Enter') {
        const code = buffer.current.trim();
        buffer.current = '';
        if (CARD.test(code)) handler.current(code.toUpperCase());
      } else if (e.key.length === 1) {
        buffer.current += e.key;
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
