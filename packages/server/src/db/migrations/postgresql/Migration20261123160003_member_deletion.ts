import { Migration } from '@mikro-orm/migrations';

export class Migration20261123160003_member_deletion extends Migration {

  override name = 'Migration20261123160003_member_deletion';

  override up(): void | Promise<void> {
    this.addSql(`alter table "member" add "deletion_requested_at" timestamptz null, add "deletion_due_at" timestamptz null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "member" drop column "deletion_requested_at", drop column "deletion_due_at";`);
  }

}
