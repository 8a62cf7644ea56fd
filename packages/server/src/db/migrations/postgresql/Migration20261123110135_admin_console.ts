import { Migration } from '@mikro-orm/migrations';

export class Migration20261123110135_admin_console extends Migration {

  override name = 'Migration20261123110135_admin_console';

  override up(): void | Promise<void> {
    this.addSql(`create table "report" ("id" uuid not null, "community_id" uuid not null, "thread_id" uuid not null, "reply_id" uuid null, "reporter_id" uuid not null, "reason" varchar(500) not null, "created_at" timestamptz not null, "resolved_at" timestamptz null, "resolved_by_id" uuid null, "resolution" text null, primary key ("id"));`);
    this.addSql(`create index "report_community_id_resolved_at_created_at_index" on "report" ("community_id", "resolved_at", "created_at");`);
    this.addSql(`create index "report_thread_id_index" on "report" ("thread_id");`);
    this.addSql(`alter table "report" add constraint "report_reporter_id_thread_id_reply_id_unique" unique ("reporter_id", "thread_id", "reply_id");`);

    this.addSql(`create table "mention" ("id" uuid not null, "community_id" uuid not null, "thread_id" uuid not null, "reply_id" uuid not null, "staff_id" uuid not null, "created_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "mention_staff_id_created_at_index" on "mention" ("staff_id", "created_at");`);
    this.addSql(`alter table "mention" add constraint "mention_reply_id_staff_id_unique" unique ("reply_id", "staff_id");`);

    this.addSql(`alter table "staff_member" add "password_token_hash" varchar(64) null, add "password_token_expires_at" timestamptz null;`);
    this.addSql(`alter table "staff_member" add constraint "staff_member_password_token_hash_unique" unique ("password_token_hash");`);

    this.addSql(`alter table "member" add "suspended_reason" varchar(500) null, add "thread_count" int not null default 0, add "reply_count" int not null default 0, add "vote_count" int not null default 0;`);

    this.addSql(`alter table "thread" add "waiting_since" timestamptz null, add "assignee_id" uuid null, add "hidden_reason" varchar(500) null;`);
    this.addSql(`alter table "thread" add constraint "thread_assignee_id_foreign" foreign key ("assignee_id") references "staff_member" ("id") on delete set null;`);
    this.addSql(`create index "thread_community_id_waiting_since_index" on "thread" ("community_id", "waiting_since");`);
    this.addSql(`create index "thread_assignee_id_index" on "thread" ("assignee_id");`);

    this.addSql(`alter table "reply" add "hidden_reason" varchar(500) null;`);

    this.addSql(`alter table "report" add constraint "report_community_id_foreign" foreign key ("community_id") references "community" ("id");`);
    this.addSql(`alter table "report" add constraint "report_thread_id_foreign" foreign key ("thread_id") references "thread" ("id");`);
    this.addSql(`alter table "report" add constraint "report_reply_id_foreign" foreign key ("reply_id") references "reply" ("id") on delete set null;`);
    this.addSql(`alter table "report" add constraint "report_reporter_id_foreign" foreign key ("reporter_id") references "member" ("id");`);
    this.addSql(`alter table "report" add constraint "report_resolved_by_id_foreign" foreign key ("resolved_by_id") references "staff_member" ("id") on delete set null;`);
    this.addSql(`alter table "report" add constraint "report_resolution_check" check ("resolution" in ('HIDDEN', 'DISMISSED'));`);

    this.addSql(`alter table "mention" add constraint "mention_community_id_foreign" foreign key ("community_id") references "community" ("id");`);
    this.addSql(`alter table "mention" add constraint "mention_thread_id_foreign" foreign key ("thread_id") references "thread" ("id");`);
    this.addSql(`alter table "mention" add constraint "mention_reply_id_foreign" foreign key ("reply_id") references "reply" ("id");`);
    this.addSql(`alter table "mention" add constraint "mention_staff_id_foreign" foreign key ("staff_id") references "staff_member" ("id");`);

    // Existing data: counters from the rows they count, and customers already waiting.
    this.addSql(`update member set thread_count = (select count(*) from thread where thread.author_member_id = member.id and thread.deleted_at is null), reply_count = (select count(*) from reply where reply.author_member_id = member.id and reply.deleted_at is null), vote_count = (select count(*) from vote where vote.member_id = member.id);`);
    this.addSql(`update thread set waiting_since = created_at where first_staff_reply_at is null and author_member_id is not null and deleted_at is null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "report" cascade;`);
    this.addSql(`drop table if exists "mention" cascade;`);

    this.addSql(`alter table "thread" drop constraint "thread_assignee_id_foreign";`);

    this.addSql(`alter table "member" drop column "suspended_reason", drop column "thread_count", drop column "reply_count", drop column "vote_count";`);

    this.addSql(`alter table "reply" drop column "hidden_reason";`);

    this.addSql(`alter table "staff_member" drop constraint "staff_member_password_token_hash_unique";`);
    this.addSql(`alter table "staff_member" drop column "password_token_hash", drop column "password_token_expires_at";`);

    this.addSql(`drop index "thread_community_id_waiting_since_index";`);
    this.addSql(`drop index "thread_assignee_id_index";`);
    this.addSql(`alter table "thread" drop column "waiting_since", drop column "assignee_id", drop column "hidden_reason";`);
  }

}
