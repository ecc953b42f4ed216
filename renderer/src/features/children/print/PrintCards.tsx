import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import QRCode from 'qrcode';
import type { PrintCard } from '../../../../../shared/domain/roster.js';
import { useToday } from '../../../app/useToday.js';
import { useProcedure } from '../../../data/index.js';
import { filterFromSearch, useClassName } from '../format.js';
import { PrintPage, PrintSheet, paginate } from '../../../components/PrintPage/index.js';
import './cards.css';

const PER_PAGE = 8;

/** The QR holds only the random card code: a scanner at the kiosk types it, it says nothing about the child. */
export function useQrCodes(cards: readonly PrintCard[] | undefined): Map<string, string> | null {
  const [codes, setCodes] = useState<Map<string, string> | null>(null);
  useEffect(() => {
    if (!cards) return;
    let live = true;
    void Promise.all(
      cards.map(async (c) => {
        const svg = await QRCode.toString(c.cardCode, { type: 'svg', margin: 0, errorCorrectionLevel: 'M' });
        return [c.cardCode, `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`] as const;
      }),
    ).then((pairs) => live && setCodes(new Map(pairs)));
    return () => {
      live = false;
    };
  }, [cards]);
  return codes;
}

/** The card a child carries (签到卡): name, class and the QR only — nothing about the family, no "留守儿童". */
function Card({ c, qr }: { c: PrintCard; qr: string | undefined }) {
  const { t } = useTranslation();
  const className = useClassName();
  return (
    <div className="contact-card signin-card" data-testid="signin-card">
      <div>
        <h3>{t('children:print.cardTitle')}</h3>
        <div className="name">{c.name}</div>
        <div className="class">{className(c.grade, c.classNo)}</div>
      </div>
      <div className="qr">
        {qr && <img src={qr} alt={c.cardCode} />}
        <span>{c.cardCode}</span>
        <span>{t('children:print.scan')}</span>
      </div>
    </div>
  );
}

/** A4 sheets of sign-in cards, eight a page, for the children of the list's filter (or the ids given). */
export function PrintCards() {
  const [search] = useSearchParams();
  const today = useToday();
  const filter = filterFromSearch(search);
  const ids = search.get('ids')?.split(',').map(Number).filter((n) => Number.isInteger(n) && n > 0) ?? null;
  const cards = useProcedure('children.printData', { kind: 'cards', filter: { ...filter, limit: 5000 }, ids }, { staleTime: Infinity });
  const qr = useQrCodes(cards.data);
  const pages = cards.data && cards.data.length > 0 ? paginate(cards.data, PER_PAGE) : [];
  return (
    <PrintPage fileName={`签到卡-${today ?? ''}.pdf`} orientation="portrait" ready={qr !== null && cards.isSuccess} error={cards.error}>
      {pages.map((page, i) => (
        <PrintSheet orientation="portrait" key={i}>
          <div className="cards-grid">
            {page.map((c) => (
              <Card key={c.id} c={c} qr={qr?.get(c.cardCode)} />
            ))}
          </div>
        </PrintSheet>
      ))}
    </PrintPage>
  );
}
