import { Migration } from '@mikro-orm/migrations';

export class Migration20261204181658_work_queue_claims extends Migration {

  override name = 'Migration20261204181658_work_queue_claims';

  override up(): void | Promise<void> {
    this.addSql(`alter table \`outbox_message\` add column \`claimed_by\` text null;`);

    this.addSql(`alter table \`webhook_delivery\` add column \`claimed_by\` text null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table \`outbox_message\` drop column \`claimed_by\`;`);

    this.addSql(`alter table \`webhook_delivery\` drop column \`claimed_by\`;`);
  }

}
