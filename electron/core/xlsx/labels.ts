import { resources } from '../../../shared/i18n/resources.js';
import type { AwayParents } from '../../../shared/domain/normalize.js';

/**
 * The words a spreadsheet writes for a stored key. Exports and templates are in Chinese whatever the
 * UI's language (they go into the school's and the bureau's own forms), in the words the screens use:
 * each domain takes its own from here (`ZH.library.sources` …) rather than writing them again.
 */
export const ZH = resources['zh-CN'];

/** Who is away (父亲外出, 母亲外出, 父母均外出, 非留守): the roster and the term summary both write it. */
export const AWAY_LABEL: Readonly<Record<AwayParents, string>> = ZH.children.away;
