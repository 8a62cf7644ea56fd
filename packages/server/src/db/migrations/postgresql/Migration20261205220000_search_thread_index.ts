import { Migration } from '@mikro-orm/migrations';

/**
 * Threads' own texts in a GIN index of their own (services/search/postgres-tsvector.ts): similar
 * threads read a tenth of the entries they read among all texts, replies included.
 */
export class Migration20261205220000_search_thread_index extends Migration {
  override name = 'Migration20261205220000_search_thread_index';

  override up(): void | Promise<void> {
    this.addSql(
      'create index "search_text_thread_document_index" on "search_text" using gin ("document") where not "is_reply";',
    );
  }

  override down(): void | Promise<void> {
    this.addSql('drop index if exists "search_text_thread_document_index";');
  }
}
