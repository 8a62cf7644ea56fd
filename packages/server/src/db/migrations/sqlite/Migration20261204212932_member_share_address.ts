import { Migration } from '@mikro-orm/migrations';

export class Migration20261204212932_member_share_address extends Migration {

  override name = 'Migration20261204212932_member_share_address';

  override up(): void | Promise<void> {
    this.addSql(`alter table \`member\` add column \`share_address_hash\` text null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table \`member\` drop column \`share_address_hash\`;`);
  }

}
