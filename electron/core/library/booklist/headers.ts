import { findHeaders, synonyms, type Header, type HeaderSpec } from '../../xlsx/headers.js';
import type { Workbook } from '../../xlsx/workbook.js';

export const bookFields = ['title', 'isbn', 'author', 'publisher', 'year', 'category', 'count', 'barcode', 'source', 'donor'] as const;
export type BookField = (typeof bookFields)[number];

/** The template's headers, in its order. */
export const BOOK_HEADERS: Record<BookField, string> = {
  title: '书名',
  isbn: 'ISBN',
  author: '作者',
  publisher: '出版社',
  year: '出版年',
  category: '分类',
  count: '册数',
  barcode: '财产号',
  source: '来源',
  donor: '捐赠人',
};

const SYNONYMS = synonyms<BookField>();
const add = SYNONYMS.add;
add('title', '书名', '图书名称', '图书名', '书籍名称', '题名', '正题名', '名称', '书目', '书名(题名)', 'title');
add('isbn', 'ISBN', 'ISBN号', '书号', '标准书号', '国际标准书号', 'isbn/issn');
add('author', '作者', '著者', '责任者', '编著者', '作者/译者', '作译者', '主编', 'author');
add('publisher', '出版社', '出版者', '出版单位', '出版发行', 'publisher');
add('year', '出版年', '出版年份', '出版时间', '出版日期', '出版年月', 'year');
add('category', '分类', '类别', '图书分类', '图书类别', '种类', '类型', 'category');
add('count', '册数', '数量', '复本数', '本数', '复本', '数量册', '册', 'copies');
add('barcode', '财产号', '条码', '条码号', '条形码号', '登记号', '馆藏号', '图书编号', '索书条码', 'barcode');
add('source', '来源', '图书来源', '获得方式', '入藏方式', 'source');
add('donor', '捐赠人', '捐赠者', '捐书人', '捐赠单位', '捐赠人(单位)', 'donor');

const BOOK_LIST: HeaderSpec<BookField> = { fieldOf: SYNONYMS.fieldOf, groups: {}, required: 'title' };

export type BookListHeader = Header<BookField>;

/** The book list's header on every visible sheet that has one. */
export function bookListSheets(wb: Workbook): BookListHeader[] {
  return findHeaders(wb, BOOK_LIST);
}
