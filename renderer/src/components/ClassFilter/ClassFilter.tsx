import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useProcedure } from '../../data/index.js';

const GRADES = [1, 2, 3, 4, 5, 6];

/** Grade and class pickers for a list of children; choosing a grade clears the class. */
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
      <Select
        aria-label={t('children:allGrades')}
        placeholder={t('children:allGrades')}
        clearable
        w={120}
        data={GRADES.map((g) => ({ value: String(g), label: t('children:gradeN', { grade: t(`children:grades.${g}`) }) }))}
        value={grade === null ? null : String(grade)}
        onChange={(v) => onChange({ grade: v === null ? null : Number(v), classNo: null })}
      />
      <Select
        aria-label={t('children:allClasses')}
        placeholder={t('children:allClasses')}
        clearable
        w={110}
        data={classOptions.map((n) => ({ value: String(n), label: t('children:classN', { classNo: n }) }))}
        value={classNo === null ? null : String(classNo)}
        onChange={(v) => onChange({ grade, classNo: v === null ? null : Number(v) })}
      />
    </>
  );
}
