import { Migration } from '@mikro-orm/migrations';

/** Asks: questions and polls staff put to a segment, and members' answers (services/asks). */
export class Migration20261206004506_asks extends Migration {

  override name = 'Migration20261206004506_asks';

  override up(): void | Promise<void> {
    this.addSql(`create table "ask" ("id" uuid not null, "community_id" uuid not null, "author_id" uuid not null, "question" varchar(200) not null, "details" text not null default '', "choices" jsonb not null, "multiple" boolean not null default false, "allow_text" boolean not null default false, "segment_id" uuid null, "target_name" varchar(80) null, "target_rules" jsonb null, "status" text not null default 'DRAFT', "closes_at" timestamptz not null, "published_at" timestamptz null, "closed_at" timestamptz null, "follow_up_id" uuid null, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "ask_community_id_status_closes_at_index" on "ask" ("community_id", "status", "closes_at");`);
    this.addSql(`create index "ask_status_closes_at_index" on "ask" ("status", "closes_at");`);

    this.addSql(`create table "ask_answer" ("id" uuid not null, "community_id" uuid not null, "ask_id" uuid not null, "member_id" uuid not null, "choices" jsonb not null, "text" text null, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "ask_answer_member_id_index" on "ask_answer" ("member_id");`);
    this.addSql(`alter table "ask_answer" add constraint "ask_answer_ask_id_member_id_unique" unique ("ask_id", "member_id");`);

    this.addSql(`alter table "webhook_delivery" drop constraint "webhook_delivery_event_check";`);
    this.addSql(`alter table "webhook_delivery" add constraint "webhook_delivery_event_check" check ("event" in ('thread.created', 'reply.created', 'status.changed', 'member.flagged', 'consent.changed', 'member.erased', 'changelog.published', 'ask.published', 'ask.answered'));`);

    this.addSql(`alter table "ask" add constraint "ask_community_id_foreign" foreign key ("community_id") references "community" ("id");`);
    this.addSql(`alter table "ask" add constraint "ask_author_id_foreign" foreign key ("author_id") references "staff_member" ("id");`);
    this.addSql(`alter table "ask" add constraint "ask_segment_id_foreign" foreign key ("segment_id") references "segment" ("id") on delete set null;`);
    this.addSql(`alter table "ask" add constraint "ask_follow_up_id_foreign" foreign key ("follow_up_id") references "thread" ("id") on delete set null;`);
    this.addSql(`alter table "ask" add constraint "ask_status_check" check ("status" in ('DRAFT', 'OPEN', 'CLOSED'));`);

    this.addSql(`alter table "ask_answer" add constraint "ask_answer_community_id_foreign" foreign key ("community_id") references "community" ("id");`);
    this.addSql(`alter table "ask_answer" add constraint "ask_answer_ask_id_foreign" foreign key ("ask_id") references "ask" ("id") on delete cascade;`);
    this.addSql(`alter table "ask_answer" add constraint "ask_answer_member_id_foreign" foreign key ("member_id") references "member" ("id") on delete cascade;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "ask_answer" drop constraint "ask_answer_ask_id_foreign";`);

    this.addSql(`drop table if exists "ask" cascade;`);
    this.addSql(`drop table if exists "ask_answer" cascade;`);

    this.addSql(`alter table "webhook_delivery" drop constraint "webhook_delivery_event_check";`);
    this.addSql(`alter table "webhook_delivery" add constraint "webhook_delivery_event_check" check ("event" in ('thread.created', 'reply.created', 'status.changed', 'member.flagged', 'consent.changed', 'member.erased', 'changelog.published'));`);
  }

}
