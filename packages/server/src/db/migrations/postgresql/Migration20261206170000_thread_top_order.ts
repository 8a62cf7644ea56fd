import { Migration } from '@mikro-orm/migrations';

/**
 * The list's TOP order (votes, then newest, then id) in an index of its own: a page after a cursor
 * starts at the cursor (core/pagination.ts), even among the many threads with equal votes.
 */
export class Migration20261206170000_thread_top_order extends Migration {
  override name = 'Migration20261206170000_thread_top_order';

  override up(): void | Promise<void> {
    this.addSql('drop index if exists "thread_community_id_vote_count_id_index";');
    this.addSql(
      'create index "thread_community_id_vote_count_created_at_id_index" on "thread" ("community_id", "vote_count", "created_at", "id");',
    );
  }

  override down(): void | Promise<void> {
    this.addSql('drop index if exists "thread_community_id_vote_count_created_at_id_index";');
    this.addSql(
      'create index "thread_community_id_vote_count_id_index" on "thread" ("community_id", "vote_count", "id");',
    );
  }
}
