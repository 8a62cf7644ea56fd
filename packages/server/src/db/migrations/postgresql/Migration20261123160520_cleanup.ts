import { Migration } from '@mikro-orm/migrations';

export class Migration20261123160520_cleanup extends Migration {

  override name = 'Migration20261123160520_cleanup';

  override up(): void | Promise<void> {
    this.addSql(`create table "cleanup" ("id" uuid not null, "community_id" uuid not null, "rule" text not null, "inactive_days" int null, "member_ids" jsonb not null, "by_staff_id" uuid null, "due_at" timestamptz not null, "undone_at" timestamptz null, "created_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "cleanup_community_id_created_at_index" on "cleanup" ("community_id", "created_at");`);

    this.addSql(`alter table "cleanup" add constraint "cleanup_community_id_foreign" foreign key ("community_id") references "community" ("id");`);
    this.addSql(`alter table "cleanup" add constraint "cleanup_by_staff_id_foreign" foreign key ("by_staff_id") references "staff_member" ("id") on delete set null;`);
    this.addSql(`alter table "cleanup" add constraint "cleanup_rule_check" check ("rule" in ('INACTIVE_WITHOUT_CONSENT', 'UNSUBSCRIBED', 'BOUNCED'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "cleanup" cascade;`);
  }

}
