import { Migration } from '@mikro-orm/migrations';

export class Migration20261204221905_locale extends Migration {

  override name = 'Migration20261204221905_locale';

  override up(): void | Promise<void> {
    this.addSql(`alter table "staff_member" add "locale" varchar(10) null;`);

    this.addSql(`alter table "member" add "locale" varchar(10) null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "member" drop column "locale";`);

    this.addSql(`alter table "staff_member" drop column "locale";`);
  }

}
