import { Migration } from '@mikro-orm/migrations';

/** What the brand says about each customer (services/member-attributes.ts). */
export class Migration20261205220000_member_attributes extends Migration {
  override name = 'Migration20261205220000_member_attributes';

  override up(): void | Promise<void> {
    this.addSql('alter table "member" add "attributes" jsonb null;');
  }

  override down(): void | Promise<void> {
    this.addSql('alter table "member" drop column "attributes";');
  }
}
