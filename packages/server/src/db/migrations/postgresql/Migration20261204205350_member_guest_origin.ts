import { Migration } from '@mikro-orm/migrations';

export class Migration20261204205350_member_guest_origin extends Migration {

  override name = 'Migration20261204205350_member_guest_origin';

  override up(): void | Promise<void> {
    this.addSql(`alter table "member" add "joined_from_hash" varchar(64) null, add "browser_hash" varchar(64) null;`);
    this.addSql(`create index "member_community_id_joined_from_hash_index" on "member" ("community_id", "joined_from_hash");`);
    this.addSql(`create index "member_community_id_browser_hash_index" on "member" ("community_id", "browser_hash");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "member_community_id_joined_from_hash_index";`);
    this.addSql(`drop index "member_community_id_browser_hash_index";`);
    this.addSql(`alter table "member" drop column "joined_from_hash", drop column "browser_hash";`);
  }

}
