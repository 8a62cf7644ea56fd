import { Migration } from '@mikro-orm/migrations';

/** Community API keys (services/api-keys.ts) and what the brand says about each customer (core/member-attributes.ts). */
export class Migration20261205212220_member_attributes_api_keys extends Migration {

  override name = 'Migration20261205212220_member_attributes_api_keys';

  override up(): void | Promise<void> {
    this.addSql(`create table "api_key" ("id" uuid not null, "community_id" uuid not null, "name" varchar(80) not null, "scopes" jsonb not null, "key_hash" varchar(64) not null, "key_start" varchar(16) not null, "created_by_id" uuid null, "created_at" timestamptz not null, "last_used_at" timestamptz null, "revoked_at" timestamptz null, "revoked_by_id" uuid null, primary key ("id"));`);
    this.addSql(`alter table "api_key" add constraint "api_key_key_hash_unique" unique ("key_hash");`);
    this.addSql(`create index "api_key_community_id_created_at_index" on "api_key" ("community_id", "created_at");`);

    this.addSql(`alter table "member" add "attributes" jsonb null;`);

    this.addSql(`alter table "api_key" add constraint "api_key_community_id_foreign" foreign key ("community_id") references "community" ("id");`);
    this.addSql(`alter table "api_key" add constraint "api_key_created_by_id_foreign" foreign key ("created_by_id") references "staff_member" ("id") on delete set null;`);
    this.addSql(`alter table "api_key" add constraint "api_key_revoked_by_id_foreign" foreign key ("revoked_by_id") references "staff_member" ("id") on delete set null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "api_key" cascade;`);

    this.addSql(`alter table "member" drop column "attributes";`);
  }

}
