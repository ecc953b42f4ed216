import { describe, expect, it } from 'vitest';
import { readWorkbook } from './read.js';
import { newWorkbook, toFileOut, writeHeader, writeHelpSheet, writeTitle, xlsxBytes } from './workbook.js';

describe('workbook set-up', () => {
  it("writes a workbook with the app as its author, a safe title, a frozen shaded header and a help sheet", async () => {
    const wb = await newWorkbook();
    const ws = wb.addWorksheet('名单');
    writeTitle(ws, '=活动 报名表', { mergeTo: 3, center: true });
    writeHeader(ws, 2, ['序号', '姓名', '班级'], { shaded: true, frozen: true });
    writeHelpSheet(wb, [['列', '怎么填'], ['姓名', '必填。']], [12, 60]);
    const back = await readWorkbook(await xlsxBytes(wb));
    expect(back.creator).toBe('留守儿童之家管理台');
    expect(back.worksheets.map((w) => w.name)).toEqual(['名单', '填写说明']);
    const list = back.worksheets[0]!;
    expect(list.getCell('A1').value).toBe("'=活动 报名表");
    expect(list.getCell('A1').font).toMatchObject({ bold: true, size: 14 });
    expect(list.getCell('A1').alignment).toMatchObject({ horizontal: 'center' });
    expect(list.getCell('C1').isMerged).toBe(true);
    expect(list.getRow(2).values).toEqual([undefined, '序号', '姓名', '班级']);
    expect(list.getCell('B2').font).toMatchObject({ bold: true });
    expect(list.getCell('B2').fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE6FCF5' } });
    expect(list.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    const help = back.worksheets[1]!;
    expect(help.getRow(2).values).toEqual([undefined, '姓名', '必填。']);
    expect(help.getCell('A1').font).toMatchObject({ bold: true });
    expect([help.getColumn(1).width, help.getColumn(2).width]).toEqual([12, 60]);
  });

  it('leaves a plain title and header unmerged, unshaded and scrolling', async () => {
    const ws = (await newWorkbook()).addWorksheet('x');
    writeTitle(ws, '出勤登记表');
    writeHeader(ws, 2, ['姓名']);
    expect(ws.getCell('B1').isMerged).toBe(false);
    expect(ws.getCell('A1').alignment).toBeUndefined();
    expect(ws.getCell('A2').fill).toBeUndefined();
    expect(ws.views).toEqual([]);
  });

  it('hands a file out under a name Windows accepts, in base64', () => {
    expect(toFileOut('读书会: 第1/2期-报名表.xlsx', Buffer.from('PK'))).toEqual({ fileName: '读书会_ 第1_2期-报名表.xlsx', data: 'UEs=' });
  });
});
