import type { CopySource, CopyStatus } from '../../../../shared/domain/library.js';
import { ZH } from '../../xlsx/labels.js';
import { safeText } from '../../xlsx/safeText.js';
import { newWorkbook, writeHeader, writeHelpSheet, xlsxBytes, type Worksheet } from '../../xlsx/workbook.js';
import { bookFields, BOOK_HEADERS } from './headers.js';

const CATEGORY: Readonly<Record<string, string>> = ZH.library.categories;
const SOURCE = ZH.library.sources;
const STATUS = ZH.library.states;

export interface CatalogueRow {
  barcode: string;
  isbn: string | null;
  title: string;
  author: string;
  publisher: string;
  year: number | null;
  categoryKey: string | null;
  category: string | null;
  source: CopySource;
  donor: string;
  addedOn: string;
  status: CopyStatus;
  onLoan: number;
}

function header(ws: Worksheet, extra: string[]): void {
  writeHeader(ws, 1, [...bookFields.map((f) => BOOK_HEADERS[f]), ...extra], { shaded: true, frozen: true });
  ws.columns.forEach((col, i) => {
    col.width = i === 0 ? 30 : i === 1 ? 16 : 12;
  });
}

/** Every copy, one per row, in the template's columns: the file imports again with nothing new. */
export async function writeCatalogue(rows: readonly CatalogueRow[]): Promise<Buffer> {
  const wb = await newWorkbook();
  const ws = wb.addWorksheet('图书清单');
  header(ws, ['入藏日期', '状态']);
  rows.forEach((r, i) => {
    const values: Record<(typeof bookFields)[number], string | number | null> = {
      title: r.title,
      isbn: r.isbn,
      author: r.author,
      publisher: r.publisher,
      year: r.year,
      category: r.categoryKey ? (CATEGORY[r.categoryKey] ?? r.category) : r.category,
      count: 1,
      barcode: r.barcode,
      source: SOURCE[r.source],
      donor: r.donor,
    };
    const row = ws.getRow(i + 2);
    bookFields.forEach((f, j) => {
      const v = values[f];
      row.getCell(j + 1).value = v === null || v === '' ? null : typeof v === 'number' ? v : safeText(v);
    });
    row.getCell(bookFields.length + 1).value = r.addedOn;
    row.getCell(bookFields.length + 2).value = STATUS[r.onLoan ? 'onLoan' : r.status];
  });
  return xlsxBytes(wb);
}

/** An empty book list to fill in, with a sheet explaining each column. */
export async function writeBookTemplate(): Promise<Buffer> {
  const wb = await newWorkbook();
  const ws = wb.addWorksheet('图书清单');
  header(ws, []);
  for (let r = 2; r <= 500; r++) {
    ws.getCell(r, 2).numFmt = '@';
    ws.getCell(r, 8).numFmt = '@';
  }
  writeHelpSheet(wb, [
    ['列', '怎么填'],
    ['书名', '必填。'],
    ['ISBN', '书背面条码下的 13 位数字（老书 10 位，末位可能是 X）；可带短横线。没有 ISBN 的书留空。'],
    ['出版年', '如 2016'],
    ['分类', '绘本、童话、科普、文学、历史、漫画、教辅、其他，或程序中自己添加的分类'],
    ['册数', '这一种书有几本；程序自动编财产号。填了财产号的行只算 1 本。'],
    ['财产号', '书上已有的财产号（登记号）。不填则自动编号。同一个财产号不能出现两次。'],
    ['来源', '购买 / 捐赠；捐赠的写上捐赠人。'],
    ['说明', '同一文件再次导入不会重复：已有的书目和财产号会跳过。'],
  ], [12, 90]);
  return xlsxBytes(wb);
}
