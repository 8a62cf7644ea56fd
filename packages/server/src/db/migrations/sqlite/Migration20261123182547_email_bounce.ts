import { Migration } from '@mikro-orm/migrations';

export class Migration20261123182547_email_bounce extends Migration {

  override name = 'Migration20261123182547_email_bounce';

  override up(): void | Promise<void> {
    this.addSql(`alter table \`member\` add column \`email_bounced_at\` datetime null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table \`member\` drop column \`email_bounced_at\`;`);
  }

}
