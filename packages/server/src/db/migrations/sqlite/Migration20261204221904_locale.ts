import { Migration } from '@mikro-orm/migrations';

export class Migration20261204221904_locale extends Migration {

  override name = 'Migration20261204221904_locale';

  override up(): void | Promise<void> {
    this.addSql(`alter table \`staff_member\` add column \`locale\` text null;`);

    this.addSql(`alter table \`member\` add column \`locale\` text null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table \`member\` drop column \`locale\`;`);

    this.addSql(`alter table \`staff_member\` drop column \`locale\`;`);
  }

}
