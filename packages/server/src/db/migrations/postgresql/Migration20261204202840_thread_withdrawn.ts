import { Migration } from '@mikro-orm/migrations';

export class Migration20261204202840_thread_withdrawn extends Migration {

  override name = 'Migration20261204202840_thread_withdrawn';

  override up(): void | Promise<void> {
    this.addSql(`alter table "thread" add "withdrawn_at" timestamptz null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "thread" drop column "withdrawn_at";`);
  }

}
