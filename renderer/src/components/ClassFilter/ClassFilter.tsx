import { useTranslation } from 'react-i18next';
import { useProcedure } from '../../data/index.js';
import { FilterSelect } from '../FilterSelect/index.js';

const GRADES = [1, 2, 3, 4, 5, 6];

/** Grade and class pickers for a list of children; choosing a grade clears the class. Each has "all" first. */
export function ClassFilter({
  grade,
  classNo,
  onChange,
}: {
  grade: number | null;
  classNo: number | null;
  onChange: (next: { grade: number | null; classNo: number | null }) => void;
}) {
  const { t } = useTranslation();
  const classes = useProcedure('children.classes');
  const classOptions = [...new Set((classes.data ?? []).filter((c) => grade === null || c.grade === grade).map((c) => c.classNo))].sort((a, b) => a - b);
  return (
    <>
      <FilterSelect
        all={t('children:allGrades')}
        w={125}
        options={GRADES.map((g) => ({ value: g, label: t('children:gradeN', { grade: t(`children:grades.${g}`) }) }))}
        value={grade}
        onChange={(next) => onChange({ grade: next, classNo: null })}
      />
      <FilterSelect
        all={t('children:allClasses')}
        w={125}
        options={classOptions.map((n) => ({ value: n, label: t('children:classN', { classNo: n }) }))}
        value={classNo}
        onChange={(next) => onChange({ grade, classNo: next })}
      />
    </>
  );
}
