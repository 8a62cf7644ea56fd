import { Migration } from '@mikro-orm/migrations';

export class Migration20261204185041_close_the_loop extends Migration {

  override name = 'Migration20261204185041_close_the_loop';

  override up(): void | Promise<void> {
    this.addSql(`create table "changelog_entry" ("id" uuid not null, "community_id" uuid not null, "title" varchar(200) not null, "body" text not null, "author_id" uuid not null, "status" text not null default 'DRAFT', "publish_at" timestamptz null, "published_at" timestamptz null, "edited_at" timestamptz null, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "changelog_entry_community_id_status_published_at_index" on "changelog_entry" ("community_id", "status", "published_at");`);
    this.addSql(`create index "changelog_entry_status_publish_at_index" on "changelog_entry" ("status", "publish_at");`);

    this.addSql(`create table "reply_address" ("id" uuid not null, "community_id" uuid not null, "member_id" uuid not null, "thread_id" uuid not null, "code" varchar(32) not null, "created_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`alter table "reply_address" add constraint "reply_address_code_unique" unique ("code");`);
    this.addSql(`alter table "reply_address" add constraint "reply_address_member_id_thread_id_unique" unique ("member_id", "thread_id");`);

    this.addSql(`create table "notification" ("id" uuid not null, "community_id" uuid not null, "member_id" uuid not null, "kind" text not null, "dedupe_key" varchar(80) not null, "thread_id" uuid null, "reply_id" uuid null, "status_change_id" uuid null, "merged_into_id" uuid null, "changelog_entry_id" uuid null, "actor_member_id" uuid null, "actor_staff_id" uuid null, "created_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "notification_member_id_created_at_id_index" on "notification" ("member_id", "created_at", "id");`);
    this.addSql(`alter table "notification" add constraint "notification_member_id_dedupe_key_unique" unique ("member_id", "dedupe_key");`);

    this.addSql(`create table "inbound_email" ("id" uuid not null, "community_id" uuid not null, "message_id" varchar(250) not null, "member_id" uuid not null, "thread_id" uuid not null, "outcome" text not null, "reply_id" uuid null, "reason" varchar(500) null, "created_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`alter table "inbound_email" add constraint "inbound_email_community_id_message_id_unique" unique ("community_id", "message_id");`);

    this.addSql(`create table "changelog_thread" ("id" uuid not null, "community_id" uuid not null, "entry_id" uuid not null, "thread_id" uuid not null, "position" int not null default 0, "created_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "changelog_thread_thread_id_index" on "changelog_thread" ("thread_id");`);
    this.addSql(`alter table "changelog_thread" add constraint "changelog_thread_entry_id_thread_id_unique" unique ("entry_id", "thread_id");`);

    this.addSql(`alter table "community" add "inbound_secret_hash" varchar(64) null;`);

    this.addSql(`alter table "member" add "follow_on_vote" boolean not null default true, add "changelog_read_at" timestamptz null;`);

    this.addSql(`alter table "status_change" add "changelog_entry_id" uuid null;`);
    this.addSql(`alter table "status_change" add constraint "status_change_changelog_entry_id_foreign" foreign key ("changelog_entry_id") references "changelog_entry" ("id") on delete set null;`);

    this.addSql(`alter table "outbox_message" add "template" varchar(32) null, add "data" jsonb null;`);

    this.addSql(`alter table "webhook_delivery" drop constraint "webhook_delivery_event_check";`);
    this.addSql(`alter table "webhook_delivery" add constraint "webhook_delivery_event_check" check ("event" in ('thread.created', 'reply.created', 'status.changed', 'member.flagged', 'consent.changed', 'member.erased', 'changelog.published'));`);

    this.addSql(`alter table "changelog_entry" add constraint "changelog_entry_community_id_foreign" foreign key ("community_id") references "community" ("id");`);
    this.addSql(`alter table "changelog_entry" add constraint "changelog_entry_author_id_foreign" foreign key ("author_id") references "staff_member" ("id");`);
    this.addSql(`alter table "changelog_entry" add constraint "changelog_entry_status_check" check ("status" in ('DRAFT', 'SCHEDULED', 'PUBLISHED'));`);

    this.addSql(`alter table "reply_address" add constraint "reply_address_community_id_foreign" foreign key ("community_id") references "community" ("id");`);
    this.addSql(`alter table "reply_address" add constraint "reply_address_member_id_foreign" foreign key ("member_id") references "member" ("id");`);
    this.addSql(`alter table "reply_address" add constraint "reply_address_thread_id_foreign" foreign key ("thread_id") references "thread" ("id");`);

    this.addSql(`alter table "notification" add constraint "notification_community_id_foreign" foreign key ("community_id") references "community" ("id");`);
    this.addSql(`alter table "notification" add constraint "notification_member_id_foreign" foreign key ("member_id") references "member" ("id");`);
    this.addSql(`alter table "notification" add constraint "notification_thread_id_foreign" foreign key ("thread_id") references "thread" ("id") on delete set null;`);
    this.addSql(`alter table "notification" add constraint "notification_reply_id_foreign" foreign key ("reply_id") references "reply" ("id") on delete set null;`);
    this.addSql(`alter table "notification" add constraint "notification_status_change_id_foreign" foreign key ("status_change_id") references "status_change" ("id") on delete set null;`);
    this.addSql(`alter table "notification" add constraint "notification_merged_into_id_foreign" foreign key ("merged_into_id") references "thread" ("id") on delete set null;`);
    this.addSql(`alter table "notification" add constraint "notification_changelog_entry_id_foreign" foreign key ("changelog_entry_id") references "changelog_entry" ("id") on delete cascade;`);
    this.addSql(`alter table "notification" add constraint "notification_actor_member_id_foreign" foreign key ("actor_member_id") references "member" ("id") on delete set null;`);
    this.addSql(`alter table "notification" add constraint "notification_actor_staff_id_foreign" foreign key ("actor_staff_id") references "staff_member" ("id") on delete set null;`);
    this.addSql(`alter table "notification" add constraint "notification_kind_check" check ("kind" in ('REPLY', 'STATUS_CHANGED', 'MERGED', 'CHANGELOG'));`);

    this.addSql(`alter table "inbound_email" add constraint "inbound_email_community_id_foreign" foreign key ("community_id") references "community" ("id");`);
    this.addSql(`alter table "inbound_email" add constraint "inbound_email_member_id_foreign" foreign key ("member_id") references "member" ("id");`);
    this.addSql(`alter table "inbound_email" add constraint "inbound_email_thread_id_foreign" foreign key ("thread_id") references "thread" ("id");`);
    this.addSql(`alter table "inbound_email" add constraint "inbound_email_reply_id_foreign" foreign key ("reply_id") references "reply" ("id") on delete set null;`);
    this.addSql(`alter table "inbound_email" add constraint "inbound_email_outcome_check" check ("outcome" in ('POSTED', 'REFUSED'));`);

    this.addSql(`alter table "changelog_thread" add constraint "changelog_thread_community_id_foreign" foreign key ("community_id") references "community" ("id");`);
    this.addSql(`alter table "changelog_thread" add constraint "changelog_thread_entry_id_foreign" foreign key ("entry_id") references "changelog_entry" ("id") on delete cascade;`);
    this.addSql(`alter table "changelog_thread" add constraint "changelog_thread_thread_id_foreign" foreign key ("thread_id") references "thread" ("id");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "status_change" drop constraint "status_change_changelog_entry_id_foreign";`);
    this.addSql(`alter table "notification" drop constraint "notification_changelog_entry_id_foreign";`);
    this.addSql(`alter table "changelog_thread" drop constraint "changelog_thread_entry_id_foreign";`);

    this.addSql(`drop table if exists "changelog_entry" cascade;`);
    this.addSql(`drop table if exists "reply_address" cascade;`);
    this.addSql(`drop table if exists "notification" cascade;`);
    this.addSql(`drop table if exists "inbound_email" cascade;`);
    this.addSql(`drop table if exists "changelog_thread" cascade;`);

    this.addSql(`alter table "community" drop column "inbound_secret_hash";`);

    this.addSql(`alter table "member" drop column "follow_on_vote", drop column "changelog_read_at";`);

    this.addSql(`alter table "outbox_message" drop column "template", drop column "data";`);

    this.addSql(`alter table "status_change" drop column "changelog_entry_id";`);

    this.addSql(`alter table "webhook_delivery" drop constraint "webhook_delivery_event_check";`);
    this.addSql(`alter table "webhook_delivery" add constraint "webhook_delivery_event_check" check ("event" in ('thread.created', 'reply.created', 'status.changed', 'member.flagged', 'consent.changed', 'member.erased'));`);
  }

}
