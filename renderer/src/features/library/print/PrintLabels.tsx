import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { code128, drawingSVG } from 'bwip-js/browser';
import type { CopyLabel } from '../../../../../shared/domain/library.js';
import { useProcedure } from '../../../data/index.js';
import { useAppInfo } from '../../../app/queries.js';
import './labels.css';
import { PrintPage, PrintSheet, paginate } from '../../../components/PrintPage/index.js';

/** A common A4 label sheet: 3 × 8 labels of 70 × 37 mm. */
const PER_PAGE = 24;

/**
 * Code 128 as SVG (bwip-js draws it in the page, no canvas and no network). The symbology's own entry
 * point, not `toSVG`, so the bundle keeps Code 128 alone instead of all ~100 symbologies (891 KiB).
 */
function barcodeSvg(text: string): string {
  const svg = code128({ bcid: 'code128', text, height: 9, scale: 2, includetext: false, paddingwidth: 0, paddingheight: 0 }, drawingSVG());
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

function Label({ label, room }: { label: CopyLabel; room: string }) {
  const src = useMemo(() => barcodeSvg(label.barcode), [label.barcode]);
  return (
    <div className="book-label" data-testid="book-label">
      <div className="room">{room}</div>
      <div className="title">{label.title}</div>
      <img src={src} alt={label.barcode} />
      <div className="code">{label.barcode}</div>
    </div>
  );
}

/** Barcode labels for copies, to stick inside the cover; the scanner at the lending desk reads them. */
export function PrintLabels() {
  const { t } = useTranslation();
  const [search] = useSearchParams();
  const info = useAppInfo();
  const ids = (search.get('ids') ?? '').split(',').map(Number).filter((n) => Number.isInteger(n) && n > 0);
  const labels = useProcedure('library.labels', { copyIds: ids }, { staleTime: Infinity });
  const room = `${info.data?.schoolName ?? ''}${info.data?.roomName ?? ''}`;
  return (
    <PrintPage fileName={t('library:labelsFile', { count: ids.length })} orientation="portrait" ready={labels.isSuccess} error={labels.error}>
      {paginate(labels.data, PER_PAGE).map((page, p) => (
        <PrintSheet orientation="portrait" bleed key={p}>
          <div className="labels-grid">
            {page.map((l) => (
              <Label key={l.copyId} label={l} room={room} />
            ))}
          </div>
        </PrintSheet>
      ))}
    </PrintPage>
  );
}
