import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { PrintCard } from '../../../../../shared/domain/roster.js';
import type { Teacher } from '../../../../../shared/domain/types.js';
import type { SchoolNumbers } from '../../../../../shared/domain/rota.js';
import { useToday } from '../../../app/useToday.js';
import { useAppInfo } from '../../../app/queries.js';
import { useProcedure } from '../../../data/index.js';
import { filterFromSearch, useClassName } from '../format.js';
import { PrintPage, PrintSheet, paginate } from '../../../components/PrintPage/index.js';
import './cards.css';

const PER_PAGE = 6;

function ContactCard({ c, teachers, numbers, school }: { c: PrintCard; teachers: readonly Teacher[]; numbers: SchoolNumbers; school: string }) {
  const { t } = useTranslation();
  const className = useClassName();
  const none = t('children:print.none');
  const sep = t('rota:listSep');
  const person = (name: string, phones: readonly string[]) => `${name} ${phones.join(' / ') || none}`;
  const parent = (label: string, p: PrintCard['father']) =>
    p ? (
      <div className="line">
        <span className="label">{label}</span>
        {person(p.name, p.phones)}
        {p.workPlace && ` · ${t('rota:card.worksIn', { place: p.workPlace })}`}
      </div>
    ) : null;
  const mentor = c.mentorName ? teachers.find((x) => x.name === c.mentorName) : undefined;
  const classTeachers = teachers.filter((x) => x.active && x.classes.includes(`${c.grade}-${c.classNo}`));
  return (
    <div className="contact-card binder-card" data-testid="contact-card">
      <div>
        <h3>
          {t('rota:card.title')} · {school}
        </h3>
        <div className="name">{c.name}</div>
        <div className="class">{className(c.grade, c.classNo)}</div>
        <div className="line">
          <span className="label">{t('children:print.guardian')}</span>
          {c.guardian ? `${c.guardian.name}${c.guardian.relation ? `（${t(`children:relations.${c.guardian.relation}`)}）` : ''} ${c.guardian.phones.join(' / ') || none}` : none}
        </div>
        {parent(t('children:print.father'), c.father)}
        {parent(t('children:print.mother'), c.mother)}
        <div className="line">
          <span className="label">{t('rota:card.classTeachers')}</span>
          {classTeachers.length > 0 ? classTeachers.map((x) => person(x.name, x.phone ? [x.phone] : [])).join(sep) : none}
        </div>
        <div className="line">
          <span className="label">{t('rota:card.mentor')}</span>
          {c.mentorName ? person(c.mentorName, mentor?.phone ? [mentor.phone] : []) : none}
        </div>
        <div className="line">
          <span className="label">{t('rota:card.school')}</span>
          {[numbers.schoolPhone && t('rota:card.schoolPhone', { phone: numbers.schoolPhone }), numbers.roomPhone && t('rota:card.roomPhone', { phone: numbers.roomPhone })].filter(Boolean).join(sep) || none}
        </div>
      </div>
    </div>
  );
}

/** 联系卡 for the teacher's binder: the family's, the class teachers', the mentor's and the school's numbers. */
export function PrintContactCards() {
  const { t } = useTranslation();
  const [search] = useSearchParams();
  const today = useToday();
  const info = useAppInfo();
  const filter = filterFromSearch(search);
  const ids = search.get('ids')?.split(',').map(Number).filter((n) => Number.isInteger(n) && n > 0) ?? null;
  const cards = useProcedure('children.printData', { kind: 'cards', filter: { ...filter, limit: 5000 }, ids }, { staleTime: Infinity });
  const teachers = useProcedure('teachers.list');
  const numbers = useProcedure('cards.numbers');
  const pages = cards.data && cards.data.length > 0 ? paginate(cards.data, PER_PAGE) : [];
  const ready = cards.isSuccess && teachers.isSuccess && numbers.isSuccess && info.isSuccess;
  return (
    <PrintPage fileName={`${t('rota:card.fileName')}-${today ?? ''}.pdf`} orientation="portrait" ready={ready} error={cards.error ?? teachers.error ?? numbers.error}>
      {ready &&
        pages.map((page, i) => (
          <PrintSheet orientation="portrait" key={i}>
            <div className="cards-grid binder-grid">
              {page.map((c) => (
                <ContactCard key={c.id} c={c} teachers={teachers.data} numbers={numbers.data} school={info.data.schoolName} />
              ))}
            </div>
          </PrintSheet>
        ))}
    </PrintPage>
  );
}
