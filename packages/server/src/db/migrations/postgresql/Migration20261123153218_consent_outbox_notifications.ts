import { Migration } from '@mikro-orm/migrations';

export class Migration20261123153218_consent_outbox_notifications extends Migration {

  override name = 'Migration20261123153218_consent_outbox_notifications';

  override up(): void | Promise<void> {
    this.addSql(`create table "consent_record" ("id" uuid not null, "community_id" uuid not null, "member_id" uuid not null, "purpose" text not null, "granted" boolean not null, "source" text not null, "text_shown" varchar(1000) not null, "recorded_by_id" uuid null, "created_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "consent_record_member_id_purpose_created_at_index" on "consent_record" ("member_id", "purpose", "created_at");`);
    this.addSql(`create index "consent_record_community_id_created_at_index" on "consent_record" ("community_id", "created_at");`);

    this.addSql(`create table "outbox_message" ("id" uuid not null, "community_id" uuid not null, "member_id" uuid not null, "purpose" text not null, "thread_id" uuid null, "dedupe_key" varchar(200) not null, "subject" varchar(300) not null, "body" text not null, "status" text not null default 'PENDING', "due_at" timestamptz not null, "digest" boolean not null default false, "claimed_until" timestamptz null, "attempts" int not null default 0, "last_error" varchar(1000) null, "sent_at" timestamptz null, "created_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "outbox_message_status_due_at_index" on "outbox_message" ("status", "due_at");`);
    this.addSql(`create index "outbox_message_member_id_status_index" on "outbox_message" ("member_id", "status");`);
    this.addSql(`alter table "outbox_message" add constraint "outbox_message_dedupe_key_unique" unique ("dedupe_key");`);

    this.addSql(`alter table "community" add "link_secret" varchar(64) null;`);

    this.addSql(`alter table "member" add "email_digest" text not null default 'IMMEDIATE', add "notifications_read_at" timestamptz null;`);
    this.addSql(`alter table "member" add constraint "member_email_digest_check" check ("email_digest" in ('IMMEDIATE', 'DAILY', 'NEVER'));`);

    this.addSql(`alter table "consent_record" add constraint "consent_record_community_id_foreign" foreign key ("community_id") references "community" ("id");`);
    this.addSql(`alter table "consent_record" add constraint "consent_record_member_id_foreign" foreign key ("member_id") references "member" ("id");`);
    this.addSql(`alter table "consent_record" add constraint "consent_record_recorded_by_id_foreign" foreign key ("recorded_by_id") references "staff_member" ("id") on delete set null;`);
    this.addSql(`alter table "consent_record" add constraint "consent_record_purpose_check" check ("purpose" in ('THREAD_NOTIFICATIONS', 'PRODUCT_UPDATES', 'STAFF_CONTACT'));`);
    this.addSql(`alter table "consent_record" add constraint "consent_record_source_check" check ("source" in ('WIDGET', 'SSO', 'ADMIN', 'IMPORT', 'UNSUBSCRIBE_LINK'));`);

    this.addSql(`alter table "outbox_message" add constraint "outbox_message_community_id_foreign" foreign key ("community_id") references "community" ("id");`);
    this.addSql(`alter table "outbox_message" add constraint "outbox_message_member_id_foreign" foreign key ("member_id") references "member" ("id");`);
    this.addSql(`alter table "outbox_message" add constraint "outbox_message_thread_id_foreign" foreign key ("thread_id") references "thread" ("id") on delete set null;`);
    this.addSql(`alter table "outbox_message" add constraint "outbox_message_purpose_check" check ("purpose" in ('THREAD_NOTIFICATIONS', 'PRODUCT_UPDATES', 'STAFF_CONTACT'));`);
    this.addSql(`alter table "outbox_message" add constraint "outbox_message_status_check" check ("status" in ('PENDING', 'SENT', 'SKIPPED', 'FAILED'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "consent_record" cascade;`);
    this.addSql(`drop table if exists "outbox_message" cascade;`);

    this.addSql(`alter table "community" drop column "link_secret";`);

    this.addSql(`alter table "member" drop constraint "member_email_digest_check";`);
    this.addSql(`alter table "member" drop column "email_digest", drop column "notifications_read_at";`);
  }

}
