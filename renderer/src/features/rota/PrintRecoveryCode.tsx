import { useTranslation } from 'react-i18next';
import { useAppInfo } from '../../app/queries.js';
import { useRecoveryCode } from '../../app/recoveryCode.js';
import { useToday } from '../../app/useToday.js';
import { PrintPage, PrintSheet } from '../../components/PrintPage/index.js';

/** One A4 sheet with the recovery code, to keep in the school office's safe. */
export function PrintRecoveryCode() {
  const { t } = useTranslation();
  const code = useRecoveryCode();
  const info = useAppInfo();
  const today = useToday();
  return (
    <PrintPage fileName={`${t('rota:recovery.fileName')}-${today ?? ''}.pdf`} orientation="portrait" ready={code !== null && info.isSuccess} error={null}>
      <PrintSheet orientation="portrait">
        <div style={{ padding: '25mm 20mm', fontSize: '12pt', lineHeight: 1.8 }}>
          <h1 style={{ fontSize: '20pt', margin: 0 }}>{t('rota:recovery.sheetTitle')}</h1>
          <p>
            {info.data?.schoolName} · {info.data?.roomName} · {today}
          </p>
          <p style={{ fontFamily: 'monospace', fontSize: '22pt', fontWeight: 700, letterSpacing: '0.5mm', whiteSpace: 'nowrap', border: '0.4mm solid #000', padding: '6mm', textAlign: 'center' }}>
            {code ?? t('rota:recovery.gone')}
          </p>
          <p>{t('rota:recovery.sheetHow')}</p>
          <p>{t('rota:recovery.sheetKeep')}</p>
        </div>
      </PrintSheet>
    </PrintPage>
  );
}
