import { Migration } from '@mikro-orm/migrations';

/**
 * Full-text search (services/search): the searchable text of every visible thread and reply in
 * `search_text`, an FTS5 index over it (external content), and triggers that keep both exact in
 * the transaction of every write, whichever code path makes it. Hidden, deleted and withdrawn
 * text has no row, so it is never found.
 */
export class Migration20261205040000_full_text_search extends Migration {
  override name = 'Migration20261205040000_full_text_search';

  override up(): void | Promise<void> {
    this.addSql(`create table \`search_text\` (
      \`id\` integer primary key,
      \`community_id\` text not null,
      \`thread_id\` text not null,
      \`source_id\` text not null unique,
      \`is_reply\` integer not null,
      \`title\` text not null,
      \`body\` text not null
    );`);
    this.addSql('create index `search_text_thread_id_index` on `search_text` (`thread_id`);');
    // Porter stems English ("leaking" finds "leak"); unicode61 folds case and accents for every script.
    this.addSql(`create virtual table \`search_fts\` using fts5(
      title, body, content='search_text', content_rowid='id',
      tokenize='porter unicode61 remove_diacritics 2'
    );`);
    this.addSql(`create trigger \`search_text_ai\` after insert on \`search_text\` begin
      insert into search_fts(rowid, title, body) values (new.id, new.title, new.body);
    end;`);
    this.addSql(`create trigger \`search_text_ad\` after delete on \`search_text\` begin
      insert into search_fts(search_fts, rowid, title, body) values ('delete', old.id, old.title, old.body);
    end;`);

    this.addSql(`insert into search_text (community_id, thread_id, source_id, is_reply, title, body)
      select community_id, id, id, 0, title, body from thread
      where hidden_at is null and deleted_at is null and withdrawn_at is null;`);
    this.addSql(`insert into search_text (community_id, thread_id, source_id, is_reply, title, body)
      select community_id, thread_id, id, 1, '', body from reply
      where hidden_at is null and deleted_at is null;`);

    this.addSql(`create trigger \`thread_search_ai\` after insert on \`thread\`
      when new.hidden_at is null and new.deleted_at is null and new.withdrawn_at is null begin
      insert into search_text (community_id, thread_id, source_id, is_reply, title, body)
      values (new.community_id, new.id, new.id, 0, new.title, new.body);
    end;`);
    this.addSql(`create trigger \`thread_search_au\` after update of title, body, hidden_at, deleted_at, withdrawn_at
      on \`thread\` begin
      delete from search_text where source_id = old.id;
      insert into search_text (community_id, thread_id, source_id, is_reply, title, body)
      select new.community_id, new.id, new.id, 0, new.title, new.body
      where new.hidden_at is null and new.deleted_at is null and new.withdrawn_at is null;
    end;`);
    this.addSql(`create trigger \`thread_search_ad\` after delete on \`thread\` begin
      delete from search_text where source_id = old.id;
    end;`);
    this.addSql(`create trigger \`reply_search_ai\` after insert on \`reply\`
      when new.hidden_at is null and new.deleted_at is null begin
      insert into search_text (community_id, thread_id, source_id, is_reply, title, body)
      values (new.community_id, new.thread_id, new.id, 1, '', new.body);
    end;`);
    this.addSql(`create trigger \`reply_search_au\` after update of body, hidden_at, deleted_at, thread_id
      on \`reply\` begin
      delete from search_text where source_id = old.id;
      insert into search_text (community_id, thread_id, source_id, is_reply, title, body)
      select new.community_id, new.thread_id, new.id, 1, '', new.body
      where new.hidden_at is null and new.deleted_at is null;
    end;`);
    this.addSql(`create trigger \`reply_search_ad\` after delete on \`reply\` begin
      delete from search_text where source_id = old.id;
    end;`);
  }

  override down(): void | Promise<void> {
    for (const trigger of ['reply_search_ad', 'reply_search_au', 'reply_search_ai', 'thread_search_ad', 'thread_search_au', 'thread_search_ai']) {
      this.addSql(`drop trigger if exists \`${trigger}\`;`);
    }
    this.addSql('drop table if exists `search_fts`;');
    this.addSql('drop table if exists `search_text`;');
  }
}
