import { Migration } from '@mikro-orm/migrations';

/** Segments: groups of customers saved as rules (services/segments). */
export class Migration20261205213853_segments extends Migration {

  override name = 'Migration20261205213853_segments';

  override up(): void | Promise<void> {
    this.addSql(`create table "segment" ("id" uuid not null, "community_id" uuid not null, "name" varchar(80) not null, "rules" jsonb not null, "created_by_id" uuid null, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "segment_community_id_name_index" on "segment" ("community_id", "name");`);

    this.addSql(`alter table "segment" add constraint "segment_community_id_foreign" foreign key ("community_id") references "community" ("id");`);
    this.addSql(`alter table "segment" add constraint "segment_created_by_id_foreign" foreign key ("created_by_id") references "staff_member" ("id") on delete set null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "segment" cascade;`);
  }

}
