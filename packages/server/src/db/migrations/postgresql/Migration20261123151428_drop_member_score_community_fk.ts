import { Migration } from '@mikro-orm/migrations';

export class Migration20261123151428_drop_member_score_community_fk extends Migration {

  override name = 'Migration20261123151428_drop_member_score_community_fk';

  override up(): void | Promise<void> {
    this.addSql(`alter table "member_score" drop constraint "member_score_community_id_foreign";`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "member_score" add constraint "member_score_community_id_foreign" foreign key ("community_id") references "community" ("id");`);
  }

}
