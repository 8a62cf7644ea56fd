import { Migration } from '@mikro-orm/migrations';

/**
 * Threads' own texts in an FTS5 index of their own (services/search/sqlite-fts.ts): similar
 * threads read a tenth of the rows they read among all texts, replies included. The triggers of
 * `search_text` keep it exact in the transaction of every write.
 */
export class Migration20261205220000_search_thread_index extends Migration {
  override name = 'Migration20261205220000_search_thread_index';

  override up(): void | Promise<void> {
    this.addSql(`create virtual table \`search_thread_fts\` using fts5(
      title, body, content='search_text', content_rowid='id',
      tokenize='porter unicode61 remove_diacritics 2'
    );`);
    this.addSql(`create trigger \`search_text_thread_ai\` after insert on \`search_text\` when new.is_reply = 0 begin
      insert into search_thread_fts(rowid, title, body) values (new.id, new.title, new.body);
    end;`);
    this.addSql(`create trigger \`search_text_thread_ad\` after delete on \`search_text\` when old.is_reply = 0 begin
      insert into search_thread_fts(search_thread_fts, rowid, title, body) values ('delete', old.id, old.title, old.body);
    end;`);
    this.addSql(`insert into search_thread_fts(rowid, title, body)
      select id, title, body from search_text where is_reply = 0;`);
  }

  override down(): void | Promise<void> {
    this.addSql('drop trigger if exists `search_text_thread_ad`;');
    this.addSql('drop trigger if exists `search_text_thread_ai`;');
    this.addSql('drop table if exists `search_thread_fts`;');
  }
}
