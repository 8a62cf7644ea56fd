import { Migration } from '@mikro-orm/migrations';

export class Migration20261123182548_email_bounce extends Migration {

  override name = 'Migration20261123182548_email_bounce';

  override up(): void | Promise<void> {
    this.addSql(`alter table "member" add "email_bounced_at" timestamptz null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "member" drop column "email_bounced_at";`);
  }

}
