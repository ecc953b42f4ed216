import { SimpleGrid, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { yuan, type CareFigures } from '../../../../shared/domain/care.js';
import { percentText as pct } from '../../../../shared/domain/percent.js';
import { FigureRows, parenWith } from '../summary/FigureRows.js';

/** The term summary's care section (counts only: never a reason, a plan or a note). */
export function CareSummary({ f }: { f: CareFigures | undefined }) {
  const { t } = useTranslation();
  if (!f) return null;
  const paren = parenWith(t);
  const rows: [string, string | number][] = [
    [t('care:summary.paired'), paren(`${f.paired}/${f.leftBehind}`, pct(f.paired, f.leftBehind))],
    [t('care:summary.talks'), t('care:summary.talksV', { talks: f.talks.talks, children: f.talks.children })],
    [t('care:summary.talkTarget'), paren(pct(f.talks.metTarget, f.talks.childMonths), `${f.talks.metTarget}/${f.talks.childMonths}`)],
    [t('care:summary.visits'), t('care:summary.visitsV', { visits: f.visits.visits, families: f.visits.families, total: f.leftBehind })],
    [t('care:summary.guardians'), t('care:summary.guardiansV', { contacts: f.guardians.contacts, meetings: f.guardians.meetings, families: f.guardians.families })],
    [t('care:summary.attention'), t('care:summary.attentionV', { children: f.attention.children, onTime: f.attention.reviewedOnTime, due: f.attention.plansDue })],
    [t('care:summary.support'), t('care:summary.supportV', { children: f.support.children, records: f.support.records, amount: yuan(f.support.totalFen) })],
  ];
  return (
    <div data-testid="summary-care">
      <Title order={4} mt="sm">{t('care:summary.title')}</Title>
      <Text size="xs" c="dimmed">{t('care:summary.help')}</Text>
      {/* Two columns: on paper the section stays short enough to keep the signature line on its page. */}
      <SimpleGrid cols={2} spacing="xs" className="summary-block">
        {[rows.slice(0, 4), rows.slice(4)].map((half, i) => (
          <FigureRows key={i} rows={half} labelWidth="45%" />
        ))}
      </SimpleGrid>
    </div>
  );
}
