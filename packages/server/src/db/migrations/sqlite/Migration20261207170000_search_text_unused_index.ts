import { Migration } from '@mikro-orm/migrations';

/**
 * `search_text` loses its index on `thread_id`: no query looks texts up by their thread (each is
 * found through the full-text index or by `source_id`), and every reply written paid for keeping
 * it (BENCHMARKS.md, "What keeping the index costs a SQLite reply").
 */
export class Migration20261207170000_search_text_unused_index extends Migration {
  override name = 'Migration20261207170000_search_text_unused_index';

  override up(): void | Promise<void> {
    this.addSql('drop index if exists `search_text_thread_id_index`;');
  }

  override down(): void | Promise<void> {
    this.addSql('create index `search_text_thread_id_index` on `search_text` (`thread_id`);');
  }
}
