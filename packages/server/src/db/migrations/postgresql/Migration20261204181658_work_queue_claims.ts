import { Migration } from '@mikro-orm/migrations';

export class Migration20261204181658_work_queue_claims extends Migration {

  override name = 'Migration20261204181658_work_queue_claims';

  override up(): void | Promise<void> {
    this.addSql(`alter table "outbox_message" add "claimed_by" varchar(36) null;`);

    this.addSql(`alter table "webhook_delivery" add "claimed_by" varchar(36) null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "outbox_message" drop column "claimed_by";`);

    this.addSql(`alter table "webhook_delivery" drop column "claimed_by";`);
  }

}
