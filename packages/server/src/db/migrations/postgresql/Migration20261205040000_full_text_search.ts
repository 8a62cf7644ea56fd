import { Migration } from '@mikro-orm/migrations';

/**
 * Full-text search (services/search): the searchable text of every visible thread and reply in
 * `search_text`, with a tsvector in the community's language (accents folded by unaccent) under a
 * GIN index, and a trigram index on titles for typos and short words. Triggers keep it exact in
 * the transaction of every write, whichever code path makes it. Hidden, deleted and withdrawn
 * text has no row, so it is never found.
 */
export class Migration20261205040000_full_text_search extends Migration {
  override name = 'Migration20261205040000_full_text_search';

  override up(): void | Promise<void> {
    this.addSql('create extension if not exists unaccent;');
    this.addSql('create extension if not exists pg_trgm;');
    // The text search configuration of a community's default language ('simple' where PostgreSQL has no stemmer).
    this.addSql(`create or replace function rapport_search_config(community uuid) returns regconfig
      language sql stable as $$
        select (case split_part(lower(coalesce(
            (select c.settings->>'defaultLocale' from community c where c.id = community), 'en')), '-', 1)
          when 'en' then 'english' when 'de' then 'german' when 'fr' then 'french'
          when 'es' then 'spanish' when 'pt' then 'portuguese' when 'it' then 'italian'
          when 'nl' then 'dutch' when 'tr' then 'turkish' else 'simple' end)::regconfig
      $$;`);
    // People's text is text: PostgreSQL's parser would skip what looks like an HTML tag ("<script>").
    this.addSql(`create or replace function rapport_search_document(config regconfig, title text, body text)
      returns tsvector language sql stable as $$
        select setweight(to_tsvector(config, unaccent(replace(title, '<', ' '))), 'A')
          || setweight(to_tsvector(config, unaccent(replace(body, '<', ' '))), 'B')
      $$;`);
    this.addSql(`create table "search_text" (
      "id" bigint generated always as identity primary key,
      "community_id" uuid not null,
      "thread_id" uuid not null,
      "source_id" uuid not null unique,
      "is_reply" boolean not null,
      "title" text not null,
      "body" text not null,
      "document" tsvector not null
    );`);
    this.addSql('create index "search_text_thread_id_index" on "search_text" ("thread_id");');
    this.addSql('create index "search_text_document_index" on "search_text" using gin ("document");');
    this.addSql(
      `create index "search_text_title_trgm_index" on "search_text" using gin ("title" gin_trgm_ops) where not "is_reply";`,
    );

    this.addSql(`create or replace function rapport_thread_search() returns trigger language plpgsql as $$
      begin
        if tg_op <> 'INSERT' then delete from search_text where source_id = old.id; end if;
        if tg_op <> 'DELETE' and new.hidden_at is null and new.deleted_at is null and new.withdrawn_at is null then
          insert into search_text (community_id, thread_id, source_id, is_reply, title, body, document)
          values (new.community_id, new.id, new.id, false, new.title, new.body,
            rapport_search_document(rapport_search_config(new.community_id), new.title, new.body));
        end if;
        return null;
      end $$;`);
    this.addSql(`create or replace function rapport_reply_search() returns trigger language plpgsql as $$
      begin
        if tg_op <> 'INSERT' then delete from search_text where source_id = old.id; end if;
        if tg_op <> 'DELETE' and new.hidden_at is null and new.deleted_at is null then
          insert into search_text (community_id, thread_id, source_id, is_reply, title, body, document)
          values (new.community_id, new.thread_id, new.id, true, '', new.body,
            rapport_search_document(rapport_search_config(new.community_id), '', new.body));
        end if;
        return null;
      end $$;`);

    this.addSql(`insert into search_text (community_id, thread_id, source_id, is_reply, title, body, document)
      select community_id, id, id, false, title, body,
        rapport_search_document(rapport_search_config(community_id), title, body)
      from thread where hidden_at is null and deleted_at is null and withdrawn_at is null;`);
    this.addSql(`insert into search_text (community_id, thread_id, source_id, is_reply, title, body, document)
      select community_id, thread_id, id, true, '', body,
        rapport_search_document(rapport_search_config(community_id), '', body)
      from reply where hidden_at is null and deleted_at is null;`);

    this.addSql(`create trigger "thread_search" after insert or delete
      or update of title, body, hidden_at, deleted_at, withdrawn_at on "thread"
      for each row execute function rapport_thread_search();`);
    this.addSql(`create trigger "reply_search" after insert or delete
      or update of body, hidden_at, deleted_at, thread_id on "reply"
      for each row execute function rapport_reply_search();`);
  }

  override down(): void | Promise<void> {
    this.addSql('drop trigger if exists "reply_search" on "reply";');
    this.addSql('drop trigger if exists "thread_search" on "thread";');
    this.addSql('drop function if exists rapport_reply_search();');
    this.addSql('drop function if exists rapport_thread_search();');
    this.addSql('drop table if exists "search_text";');
    this.addSql('drop function if exists rapport_search_document(regconfig, text, text);');
    this.addSql('drop function if exists rapport_search_config(uuid);');
  }
}
