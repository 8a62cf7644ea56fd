import { Migration } from '@mikro-orm/migrations';

export class Migration20261123155103_webhooks extends Migration {

  override name = 'Migration20261123155103_webhooks';

  override up(): void | Promise<void> {
    this.addSql(`create table "webhook" ("id" uuid not null, "community_id" uuid not null, "url" varchar(2000) not null, "events" jsonb not null, "secret" varchar(64) not null, "active" boolean not null default true, "created_by_id" uuid null, "created_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "webhook_community_id_active_index" on "webhook" ("community_id", "active");`);

    this.addSql(`create table "webhook_delivery" ("id" uuid not null, "community_id" uuid not null, "webhook_id" uuid not null, "event" text not null, "body" text not null, "status" text not null default 'PENDING', "due_at" timestamptz not null, "claimed_until" timestamptz null, "attempts" int not null default 0, "last_status_code" int null, "last_error" varchar(1000) null, "delivered_at" timestamptz null, "created_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "webhook_delivery_status_due_at_index" on "webhook_delivery" ("status", "due_at");`);
    this.addSql(`create index "webhook_delivery_webhook_id_created_at_index" on "webhook_delivery" ("webhook_id", "created_at");`);

    this.addSql(`alter table "webhook" add constraint "webhook_community_id_foreign" foreign key ("community_id") references "community" ("id");`);
    this.addSql(`alter table "webhook" add constraint "webhook_created_by_id_foreign" foreign key ("created_by_id") references "staff_member" ("id") on delete set null;`);

    this.addSql(`alter table "webhook_delivery" add constraint "webhook_delivery_community_id_foreign" foreign key ("community_id") references "community" ("id");`);
    this.addSql(`alter table "webhook_delivery" add constraint "webhook_delivery_webhook_id_foreign" foreign key ("webhook_id") references "webhook" ("id") on delete cascade;`);
    this.addSql(`alter table "webhook_delivery" add constraint "webhook_delivery_event_check" check ("event" in ('thread.created', 'reply.created', 'status.changed', 'member.flagged', 'consent.changed', 'member.erased'));`);
    this.addSql(`alter table "webhook_delivery" add constraint "webhook_delivery_status_check" check ("status" in ('PENDING', 'DELIVERED', 'FAILED'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "webhook_delivery" drop constraint "webhook_delivery_webhook_id_foreign";`);

    this.addSql(`drop table if exists "webhook" cascade;`);
    this.addSql(`drop table if exists "webhook_delivery" cascade;`);
  }

}
