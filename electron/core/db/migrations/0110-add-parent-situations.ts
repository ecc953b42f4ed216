import type { Migration } from '../migrate.js';

/**
 * Each parent's situation and the child's derived category (shared/domain/family.ts `categoryOf`), a birth
 * date known only to the month, the 学籍号, and a place for the 身份证号 (written only when the setting
 * says so). Old records keep their 留守类型 as the parents' situation: an away parent is away, the other at
 * home; so `both` becomes 农村留守儿童, `father`/`mother` 单亲外出, `none` no category.
 *
 * A month-only birth date is stored as the month's first day with `birth_month_only = 1`: the date() CHECK and
 * every ordering keep working; the repo hands it out as `YYYY-MM`, never as a made-up day.
 */
export const m0110: Migration = {
  version: 110,
  name: 'add-parent-situations',
  up(db) {
    const situation = (col: string) =>
      `ALTER TABLE children ADD COLUMN ${col} TEXT NOT NULL DEFAULT 'home'
        CHECK (${col} IN ('home', 'away', 'deceased', 'missing', 'illness', 'disability', 'custody', 'unable'))`;
    db.exec(`
      ${situation('father_situation')};
      ${situation('mother_situation')};
      ALTER TABLE children ADD COLUMN category TEXT NOT NULL DEFAULT 'none'
        CHECK (category IN ('leftBehind', 'oneAway', 'unsupported', 'orphan', 'none'));
      ALTER TABLE children ADD COLUMN birth_month_only INTEGER NOT NULL DEFAULT 0 CHECK (birth_month_only IN (0, 1));
      ALTER TABLE children ADD COLUMN pupil_no TEXT NOT NULL DEFAULT '';
      ALTER TABLE children ADD COLUMN id_number TEXT CHECK (id_number IS NULL OR length(id_number) = 18);

      UPDATE children SET
        father_situation = CASE WHEN away_parents IN ('father', 'both') THEN 'away' ELSE 'home' END,
        mother_situation = CASE WHEN away_parents IN ('mother', 'both') THEN 'away' ELSE 'home' END,
        category = CASE away_parents WHEN 'both' THEN 'leftBehind' WHEN 'none' THEN 'none' ELSE 'oneAway' END;

      CREATE INDEX children_category ON children (status, category);
    `);
  },
};
