import { Migration } from '@mikro-orm/migrations';

/**
 * SQLite's search indexes hold English words as Snowball stems (db/search-stems.ts), as
 * PostgreSQL's english configuration does, instead of FTS5's porter tokenizer's 1980 stems. The
 * index's triggers stem through `rapport_stems`, which the ORM registers on each connection; the
 * stored text stays as written, for snippets. Both indexes are built again from `search_text`;
 * FTS5's own `rebuild` would index the text unstemmed (docs/operations.md).
 */
export class Migration20261207090000_search_stems extends Migration {
  override name = 'Migration20261207090000_search_stems';

  override up(): void | Promise<void> {
    this.rebuild('rapport_stems', 'unicode61 remove_diacritics 2');
  }

  override down(): void | Promise<void> {
    this.rebuild('', 'porter unicode61 remove_diacritics 2');
  }

  /** Both indexes, their triggers and their rows again, with `stems` (a SQL function, or none) and `tokenize`. */
  private rebuild(stems: string, tokenize: string): void {
    for (const trigger of ['search_text_ai', 'search_text_ad', 'search_text_thread_ai', 'search_text_thread_ad']) {
      this.addSql(`drop trigger if exists \`${trigger}\`;`);
    }
    for (const [index, when] of [
      ['search_fts', ''],
      ['search_thread_fts', 'is_reply = 0'],
    ] as const) {
      const on = (row: 'new' | 'old') => (when ? `when ${row}.${when} ` : '');
      const suffix = index === 'search_fts' ? '' : '_thread';
      this.addSql(`drop table if exists \`${index}\`;`);
      this.addSql(`create virtual table \`${index}\` using fts5(
        title, body, content='search_text', content_rowid='id', tokenize='${tokenize}'
      );`);
      this.addSql(`create trigger \`search_text${suffix}_ai\` after insert on \`search_text\` ${on('new')}begin
        insert into ${index}(rowid, title, body) values (new.id, ${stems}(new.title), ${stems}(new.body));
      end;`);
      // An external-content index is told the words it held: the same stems as at insert.
      this.addSql(`create trigger \`search_text${suffix}_ad\` after delete on \`search_text\` ${on('old')}begin
        insert into ${index}(${index}, rowid, title, body) values ('delete', old.id, ${stems}(old.title), ${stems}(old.body));
      end;`);
      this.addSql(`insert into ${index}(rowid, title, body)
        select id, ${stems}(title), ${stems}(body) from search_text ${when ? `where ${when}` : ''};`);
    }
  }
}
