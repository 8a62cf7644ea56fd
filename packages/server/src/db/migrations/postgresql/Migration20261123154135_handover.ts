import { Migration } from '@mikro-orm/migrations';

export class Migration20261123154135_handover extends Migration {

  override name = 'Migration20261123154135_handover';

  override up(): void | Promise<void> {
    this.addSql(`create table "handover" ("id" uuid not null, "community_id" uuid not null, "from_staff_id" uuid not null, "to_staff_id" uuid not null, "by_staff_id" uuid null, "reason" text not null, "thread_ids" jsonb not null, "followed_thread_ids" jsonb not null, "member_ids" jsonb not null, "brief" jsonb not null, "created_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "handover_community_id_created_at_index" on "handover" ("community_id", "created_at");`);
    this.addSql(`create index "handover_to_staff_id_index" on "handover" ("to_staff_id");`);
    this.addSql(`create index "handover_from_staff_id_index" on "handover" ("from_staff_id");`);

    this.addSql(`alter table "handover" add constraint "handover_community_id_foreign" foreign key ("community_id") references "community" ("id");`);
    this.addSql(`alter table "handover" add constraint "handover_from_staff_id_foreign" foreign key ("from_staff_id") references "staff_member" ("id");`);
    this.addSql(`alter table "handover" add constraint "handover_to_staff_id_foreign" foreign key ("to_staff_id") references "staff_member" ("id");`);
    this.addSql(`alter table "handover" add constraint "handover_by_staff_id_foreign" foreign key ("by_staff_id") references "staff_member" ("id") on delete set null;`);
    this.addSql(`alter table "handover" add constraint "handover_reason_check" check ("reason" in ('DEACTIVATION', 'AGENCY_ENDED'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "handover" cascade;`);
  }

}
