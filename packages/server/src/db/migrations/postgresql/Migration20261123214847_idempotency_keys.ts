import { Migration } from '@mikro-orm/migrations';

export class Migration20261123214847_idempotency_keys extends Migration {

  override name = 'Migration20261123214847_idempotency_keys';

  override up(): void | Promise<void> {
    this.addSql(`create table "idempotency_key" ("id" uuid not null, "community_id" uuid not null, "actor_id" uuid not null, "key" varchar(100) not null, "operation" varchar(40) not null, "fingerprint" varchar(64) not null, "result_id" uuid not null, "created_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "idempotency_key_created_at_index" on "idempotency_key" ("created_at");`);
    this.addSql(`alter table "idempotency_key" add constraint "idempotency_key_community_id_actor_id_key_unique" unique ("community_id", "actor_id", "key");`);

    this.addSql(`alter table "idempotency_key" add constraint "idempotency_key_community_id_foreign" foreign key ("community_id") references "community" ("id");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "idempotency_key" cascade;`);
  }

}
