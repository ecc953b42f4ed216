import type { Migration } from '../migrate.js';

export const m0060: Migration = {
  version: 60,
  name: 'create-library',
  up(db) {
    db.exec(`
      -- Built-in categories carry a key (the UI translates it); the room's own have only a name.
      CREATE TABLE book_categories (
        id       INTEGER PRIMARY KEY,
        key      TEXT    UNIQUE,
        name     TEXT    NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 20),
        position INTEGER NOT NULL
      ) STRICT;
      INSERT INTO book_categories (key, name, position) VALUES
        ('picture', '绘本', 1), ('fairy', '童话', 2), ('science', '科普', 3), ('literature', '文学', 4),
        ('history', '历史', 5), ('comics', '漫画', 6), ('study', '教辅', 7), ('other', '其他', 8);

      CREATE TABLE books (
        id              INTEGER PRIMARY KEY AUTOINCREMENT,
        isbn            TEXT    UNIQUE CHECK (isbn IS NULL OR (length(isbn) = 13 AND isbn NOT GLOB '*[^0-9]*')),
        title           TEXT    NOT NULL CHECK (length(title) BETWEEN 1 AND 100),
        author          TEXT    NOT NULL DEFAULT '',
        publisher       TEXT    NOT NULL DEFAULT '',
        year            INTEGER CHECK (year IS NULL OR year BETWEEN 1900 AND 2100),
        category_id     INTEGER REFERENCES book_categories (id),
        search_full     TEXT    NOT NULL,
        search_initials TEXT    NOT NULL,
        created_at      INTEGER NOT NULL,
        updated_at      INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX books_title ON books (title, author);
      CREATE INDEX books_category ON books (category_id);

      -- A copy's barcode is its accession number (财产号): printed on its label, unique for ever.
      CREATE TABLE copies (
        id        INTEGER PRIMARY KEY AUTOINCREMENT,
        book_id   INTEGER NOT NULL REFERENCES books (id),
        barcode   TEXT    NOT NULL UNIQUE CHECK (length(barcode) BETWEEN 1 AND 20),
        status    TEXT    NOT NULL DEFAULT 'available' CHECK (status IN ('available', 'lost', 'damaged', 'withdrawn')),
        source    TEXT    NOT NULL CHECK (source IN ('bought', 'donated')),
        donor     TEXT    NOT NULL DEFAULT '',
        added_on  TEXT    NOT NULL CHECK (date(added_on) IS added_on),
        note      TEXT    NOT NULL DEFAULT '',
        created_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX copies_book ON copies (book_id);

      CREATE TABLE loans (
        id              INTEGER PRIMARY KEY,
        copy_id         INTEGER NOT NULL REFERENCES copies (id),
        child_id        INTEGER NOT NULL REFERENCES children (id) ON DELETE CASCADE,
        lent_at         INTEGER NOT NULL,
        lent_on         TEXT    NOT NULL CHECK (date(lent_on) IS lent_on),
        due_on          TEXT    NOT NULL CHECK (date(due_on) IS due_on AND due_on >= lent_on),
        renewals        INTEGER NOT NULL DEFAULT 0 CHECK (renewals >= 0),
        lent_by         INTEGER REFERENCES teachers (id),
        -- Lent despite an overdue book: the teacher's reason (also in the audit log).
        override_reason TEXT,
        returned_at     INTEGER,
        returned_on     TEXT    CHECK (returned_on IS NULL OR date(returned_on) IS returned_on),
        returned_by     INTEGER REFERENCES teachers (id),
        outcome         TEXT    CHECK (outcome IN ('returned', 'lost')),
        CHECK ((returned_at IS NULL) = (outcome IS NULL) AND (returned_at IS NULL) = (returned_on IS NULL)),
        CHECK (returned_at IS NULL OR returned_at >= lent_at)
      ) STRICT;
      -- At most one open loan per copy: the database decides, whatever the code does.
      CREATE UNIQUE INDEX loans_one_open ON loans (copy_id) WHERE returned_at IS NULL;
      CREATE INDEX loans_open_child ON loans (child_id, due_on) WHERE returned_at IS NULL;
      CREATE INDEX loans_open_due ON loans (due_on) WHERE returned_at IS NULL;
      CREATE INDEX loans_child ON loans (child_id, lent_on);
      CREATE INDEX loans_copy ON loans (copy_id, lent_at);
      CREATE INDEX loans_lent_on ON loans (lent_on);
    `);
  },
};
