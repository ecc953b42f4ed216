import { describe, expect, it } from 'vitest';
import { careParagraph } from './careText.js';
import type { CareFigures } from './care.js';

const F: CareFigures = {
  leftBehind: 40,
  paired: 38,
  talks: { talks: 160, children: 40, childMonths: 160, metTarget: 150 },
  visits: { visits: 52, families: 37 },
  guardians: { contacts: 140, meetings: 2, families: 31 },
  attention: { children: 3, plansDue: 6, reviewedOnTime: 5 },
  support: { records: 12, children: 10, totalFen: 512050 },
};

describe('the care sentences of the draft paragraph', () => {
  it('say the figures in the register of a school report, counts only; nothing for a summary kept before them', () => {
    const zh = careParagraph(F, 'zh-CN');
    expect(zh).toContain('40名留守儿童中有38名有帮扶人（95%）');
    expect(zh).toContain('开展谈心160次，谈心儿童40名，每月谈心达标率93.8%');
    expect(zh).toContain('走访留守儿童家庭37户（共40户）');
    expect(zh).toContain('帮扶方案按期评估5份（应评估6份）');
    expect(zh).toContain('折合金额5120.50元');
    expect(careParagraph(F, 'en')).toContain('37 of 40 left-behind families');
    expect(careParagraph(undefined, 'zh-CN')).toBe('');
  });
});
