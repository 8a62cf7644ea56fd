import { Migration } from '@mikro-orm/migrations';

export class Migration20261123093029_initial extends Migration {

  override name = 'Migration20261123093029_initial';

  override up(): void | Promise<void> {
    this.addSql(`create table "community" ("id" uuid not null, "slug" varchar(64) not null, "name" varchar(120) not null, "allowed_origins" jsonb not null, "settings" jsonb not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`alter table "community" add constraint "community_slug_unique" unique ("slug");`);

    this.addSql(`create table "sso_key" ("id" uuid not null, "community_id" uuid not null, "kid" varchar(64) not null, "secret" varchar(128) not null, "created_at" timestamptz not null, "revoked_at" timestamptz null, primary key ("id"));`);
    this.addSql(`alter table "sso_key" add constraint "sso_key_kid_unique" unique ("kid");`);

    this.addSql(`create table "staff_member" ("id" uuid not null, "community_id" uuid not null, "email" varchar(254) not null, "name" varchar(80) not null, "title" varchar(80) null, "avatar_url" varchar(500) null, "role" text not null, "agency_name" varchar(120) null, "password_hash" varchar(200) null, "active" boolean not null default true, "deactivated_at" timestamptz null, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`alter table "staff_member" add constraint "staff_member_community_id_email_unique" unique ("community_id", "email");`);

    this.addSql(`create table "member" ("id" uuid not null, "community_id" uuid not null, "kind" text not null, "external_id" varchar(200) null, "guest_token_hash" varchar(64) null, "display_name" varchar(80) not null, "email" varchar(254) null, "avatar_url" varchar(500) null, "owner_id" uuid null, "ambassador_flagged_at" timestamptz null, "ambassador_flagged_by_id" uuid null, "ambassador_reason" varchar(500) null, "suspended_at" timestamptz null, "erased_at" timestamptz null, "first_seen_at" timestamptz not null, "last_seen_at" timestamptz not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`alter table "member" add constraint "member_guest_token_hash_unique" unique ("guest_token_hash");`);
    this.addSql(`create index "member_community_id_last_seen_at_index" on "member" ("community_id", "last_seen_at");`);
    this.addSql(`alter table "member" add constraint "member_community_id_external_id_unique" unique ("community_id", "external_id");`);

    this.addSql(`create table "audit_log" ("id" uuid not null, "community_id" uuid not null, "actor_staff_id" uuid null, "action" varchar(64) not null, "target_type" varchar(32) not null, "target_id" varchar(64) not null, "before" jsonb null, "after" jsonb null, "created_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "audit_log_community_id_created_at_index" on "audit_log" ("community_id", "created_at");`);
    this.addSql(`create index "audit_log_target_id_index" on "audit_log" ("target_id");`);

    this.addSql(`create table "staff_session" ("id" uuid not null, "community_id" uuid not null, "staff_id" uuid not null, "token_hash" varchar(64) not null, "created_at" timestamptz not null, "expires_at" timestamptz not null, "revoked_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "staff_session_staff_id_index" on "staff_session" ("staff_id");`);
    this.addSql(`alter table "staff_session" add constraint "staff_session_token_hash_unique" unique ("token_hash");`);

    this.addSql(`create table "thread" ("id" uuid not null, "community_id" uuid not null, "kind" text not null, "title" varchar(200) not null, "body" text not null, "status" text not null default 'OPEN', "author_member_id" uuid null, "author_staff_id" uuid null, "vote_count" int not null default 0, "reply_count" int not null default 0, "follower_count" int not null default 0, "trending_score" double precision not null default 0, "first_staff_reply_at" timestamptz null, "last_activity_at" timestamptz not null, "sentiment" double precision null, "hidden_at" timestamptz null, "locked_at" timestamptz null, "merged_into_id" uuid null, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "thread_community_id_created_at_id_index" on "thread" ("community_id", "created_at", "id");`);
    this.addSql(`create index "thread_community_id_vote_count_id_index" on "thread" ("community_id", "vote_count", "id");`);
    this.addSql(`create index "thread_community_id_trending_score_id_index" on "thread" ("community_id", "trending_score", "id");`);
    this.addSql(`create index "thread_community_id_status_index" on "thread" ("community_id", "status");`);
    this.addSql(`create index "thread_community_id_first_staff_reply_at_index" on "thread" ("community_id", "first_staff_reply_at");`);
    this.addSql(`create index "thread_author_member_id_index" on "thread" ("author_member_id");`);

    this.addSql(`create table "status_change" ("id" uuid not null, "community_id" uuid not null, "thread_id" uuid not null, "staff_id" uuid not null, "from_status" text not null, "to_status" text not null, "note" text null, "created_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "status_change_thread_id_created_at_index" on "status_change" ("thread_id", "created_at");`);

    this.addSql(`create table "reply" ("id" uuid not null, "community_id" uuid not null, "thread_id" uuid not null, "author_member_id" uuid null, "author_staff_id" uuid null, "body" text not null, "sentiment" double precision null, "hidden_at" timestamptz null, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "reply_thread_id_created_at_id_index" on "reply" ("thread_id", "created_at", "id");`);
    this.addSql(`create index "reply_author_member_id_index" on "reply" ("author_member_id");`);

    this.addSql(`create table "follow" ("id" uuid not null, "community_id" uuid not null, "thread_id" uuid not null, "member_id" uuid null, "staff_id" uuid null, "created_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "follow_member_id_index" on "follow" ("member_id");`);
    this.addSql(`create index "follow_staff_id_index" on "follow" ("staff_id");`);
    this.addSql(`alter table "follow" add constraint "follow_thread_id_member_id_unique" unique ("thread_id", "member_id");`);
    this.addSql(`alter table "follow" add constraint "follow_thread_id_staff_id_unique" unique ("thread_id", "staff_id");`);

    this.addSql(`create table "activity" ("id" uuid not null, "community_id" uuid not null, "type" text not null, "actor_member_id" uuid null, "actor_staff_id" uuid null, "subject_member_id" uuid null, "thread_id" uuid null, "reply_id" uuid null, "data" jsonb null, "created_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "activity_community_id_created_at_index" on "activity" ("community_id", "created_at");`);
    this.addSql(`create index "activity_actor_member_id_created_at_index" on "activity" ("actor_member_id", "created_at");`);
    this.addSql(`create index "activity_subject_member_id_created_at_index" on "activity" ("subject_member_id", "created_at");`);
    this.addSql(`create index "activity_thread_id_index" on "activity" ("thread_id");`);

    this.addSql(`create table "vote" ("id" uuid not null, "community_id" uuid not null, "thread_id" uuid not null, "member_id" uuid not null, "created_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "vote_member_id_index" on "vote" ("member_id");`);
    this.addSql(`alter table "vote" add constraint "vote_thread_id_member_id_unique" unique ("thread_id", "member_id");`);

    this.addSql(`alter table "sso_key" add constraint "sso_key_community_id_foreign" foreign key ("community_id") references "community" ("id");`);

    this.addSql(`alter table "staff_member" add constraint "staff_member_community_id_foreign" foreign key ("community_id") references "community" ("id");`);
    this.addSql(`alter table "staff_member" add constraint "staff_member_role_check" check ("role" in ('OWNER', 'MANAGER', 'STAFF', 'AGENCY'));`);

    this.addSql(`alter table "member" add constraint "member_community_id_foreign" foreign key ("community_id") references "community" ("id");`);
    this.addSql(`alter table "member" add constraint "member_owner_id_foreign" foreign key ("owner_id") references "staff_member" ("id") on delete set null;`);
    this.addSql(`alter table "member" add constraint "member_ambassador_flagged_by_id_foreign" foreign key ("ambassador_flagged_by_id") references "staff_member" ("id") on delete set null;`);
    this.addSql(`alter table "member" add constraint "member_kind_check" check ("kind" in ('GUEST', 'SSO'));`);

    this.addSql(`alter table "audit_log" add constraint "audit_log_community_id_foreign" foreign key ("community_id") references "community" ("id");`);
    this.addSql(`alter table "audit_log" add constraint "audit_log_actor_staff_id_foreign" foreign key ("actor_staff_id") references "staff_member" ("id") on delete set null;`);

    this.addSql(`alter table "staff_session" add constraint "staff_session_community_id_foreign" foreign key ("community_id") references "community" ("id");`);
    this.addSql(`alter table "staff_session" add constraint "staff_session_staff_id_foreign" foreign key ("staff_id") references "staff_member" ("id");`);

    this.addSql(`alter table "thread" add constraint "thread_community_id_foreign" foreign key ("community_id") references "community" ("id");`);
    this.addSql(`alter table "thread" add constraint "thread_author_member_id_foreign" foreign key ("author_member_id") references "member" ("id") on delete set null;`);
    this.addSql(`alter table "thread" add constraint "thread_author_staff_id_foreign" foreign key ("author_staff_id") references "staff_member" ("id") on delete set null;`);
    this.addSql(`alter table "thread" add constraint "thread_merged_into_id_foreign" foreign key ("merged_into_id") references "thread" ("id") on delete set null;`);
    this.addSql(`alter table "thread" add constraint "thread_kind_check" check ("kind" in ('IDEA', 'QUESTION', 'PRAISE', 'PROBLEM'));`);
    this.addSql(`alter table "thread" add constraint "thread_status_check" check ("status" in ('OPEN', 'UNDER_REVIEW', 'PLANNED', 'IN_PROGRESS', 'SHIPPED', 'DECLINED'));`);

    this.addSql(`alter table "status_change" add constraint "status_change_community_id_foreign" foreign key ("community_id") references "community" ("id");`);
    this.addSql(`alter table "status_change" add constraint "status_change_thread_id_foreign" foreign key ("thread_id") references "thread" ("id");`);
    this.addSql(`alter table "status_change" add constraint "status_change_staff_id_foreign" foreign key ("staff_id") references "staff_member" ("id");`);
    this.addSql(`alter table "status_change" add constraint "status_change_from_status_check" check ("from_status" in ('OPEN', 'UNDER_REVIEW', 'PLANNED', 'IN_PROGRESS', 'SHIPPED', 'DECLINED'));`);
    this.addSql(`alter table "status_change" add constraint "status_change_to_status_check" check ("to_status" in ('OPEN', 'UNDER_REVIEW', 'PLANNED', 'IN_PROGRESS', 'SHIPPED', 'DECLINED'));`);

    this.addSql(`alter table "reply" add constraint "reply_community_id_foreign" foreign key ("community_id") references "community" ("id");`);
    this.addSql(`alter table "reply" add constraint "reply_thread_id_foreign" foreign key ("thread_id") references "thread" ("id");`);
    this.addSql(`alter table "reply" add constraint "reply_author_member_id_foreign" foreign key ("author_member_id") references "member" ("id") on delete set null;`);
    this.addSql(`alter table "reply" add constraint "reply_author_staff_id_foreign" foreign key ("author_staff_id") references "staff_member" ("id") on delete set null;`);

    this.addSql(`alter table "follow" add constraint "follow_community_id_foreign" foreign key ("community_id") references "community" ("id");`);
    this.addSql(`alter table "follow" add constraint "follow_thread_id_foreign" foreign key ("thread_id") references "thread" ("id");`);
    this.addSql(`alter table "follow" add constraint "follow_member_id_foreign" foreign key ("member_id") references "member" ("id") on delete set null;`);
    this.addSql(`alter table "follow" add constraint "follow_staff_id_foreign" foreign key ("staff_id") references "staff_member" ("id") on delete set null;`);

    this.addSql(`alter table "activity" add constraint "activity_community_id_foreign" foreign key ("community_id") references "community" ("id");`);
    this.addSql(`alter table "activity" add constraint "activity_actor_member_id_foreign" foreign key ("actor_member_id") references "member" ("id") on delete set null;`);
    this.addSql(`alter table "activity" add constraint "activity_actor_staff_id_foreign" foreign key ("actor_staff_id") references "staff_member" ("id") on delete set null;`);
    this.addSql(`alter table "activity" add constraint "activity_subject_member_id_foreign" foreign key ("subject_member_id") references "member" ("id") on delete set null;`);
    this.addSql(`alter table "activity" add constraint "activity_thread_id_foreign" foreign key ("thread_id") references "thread" ("id") on delete set null;`);
    this.addSql(`alter table "activity" add constraint "activity_reply_id_foreign" foreign key ("reply_id") references "reply" ("id") on delete set null;`);
    this.addSql(`alter table "activity" add constraint "activity_type_check" check ("type" in ('MEMBER_JOINED', 'THREAD_POSTED', 'REPLY_POSTED', 'VOTE_ADDED', 'VOTE_REMOVED', 'FOLLOWED', 'UNFOLLOWED', 'STATUS_CHANGED'));`);

    this.addSql(`alter table "vote" add constraint "vote_community_id_foreign" foreign key ("community_id") references "community" ("id");`);
    this.addSql(`alter table "vote" add constraint "vote_thread_id_foreign" foreign key ("thread_id") references "thread" ("id");`);
    this.addSql(`alter table "vote" add constraint "vote_member_id_foreign" foreign key ("member_id") references "member" ("id");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "sso_key" drop constraint "sso_key_community_id_foreign";`);
    this.addSql(`alter table "staff_member" drop constraint "staff_member_community_id_foreign";`);
    this.addSql(`alter table "member" drop constraint "member_community_id_foreign";`);
    this.addSql(`alter table "audit_log" drop constraint "audit_log_community_id_foreign";`);
    this.addSql(`alter table "staff_session" drop constraint "staff_session_community_id_foreign";`);
    this.addSql(`alter table "thread" drop constraint "thread_community_id_foreign";`);
    this.addSql(`alter table "status_change" drop constraint "status_change_community_id_foreign";`);
    this.addSql(`alter table "reply" drop constraint "reply_community_id_foreign";`);
    this.addSql(`alter table "follow" drop constraint "follow_community_id_foreign";`);
    this.addSql(`alter table "activity" drop constraint "activity_community_id_foreign";`);
    this.addSql(`alter table "vote" drop constraint "vote_community_id_foreign";`);
    this.addSql(`alter table "member" drop constraint "member_owner_id_foreign";`);
    this.addSql(`alter table "member" drop constraint "member_ambassador_flagged_by_id_foreign";`);
    this.addSql(`alter table "audit_log" drop constraint "audit_log_actor_staff_id_foreign";`);
    this.addSql(`alter table "staff_session" drop constraint "staff_session_staff_id_foreign";`);
    this.addSql(`alter table "thread" drop constraint "thread_author_staff_id_foreign";`);
    this.addSql(`alter table "status_change" drop constraint "status_change_staff_id_foreign";`);
    this.addSql(`alter table "reply" drop constraint "reply_author_staff_id_foreign";`);
    this.addSql(`alter table "follow" drop constraint "follow_staff_id_foreign";`);
    this.addSql(`alter table "activity" drop constraint "activity_actor_staff_id_foreign";`);
    this.addSql(`alter table "thread" drop constraint "thread_author_member_id_foreign";`);
    this.addSql(`alter table "reply" drop constraint "reply_author_member_id_foreign";`);
    this.addSql(`alter table "follow" drop constraint "follow_member_id_foreign";`);
    this.addSql(`alter table "activity" drop constraint "activity_actor_member_id_foreign";`);
    this.addSql(`alter table "activity" drop constraint "activity_subject_member_id_foreign";`);
    this.addSql(`alter table "vote" drop constraint "vote_member_id_foreign";`);
    this.addSql(`alter table "thread" drop constraint "thread_merged_into_id_foreign";`);
    this.addSql(`alter table "status_change" drop constraint "status_change_thread_id_foreign";`);
    this.addSql(`alter table "reply" drop constraint "reply_thread_id_foreign";`);
    this.addSql(`alter table "follow" drop constraint "follow_thread_id_foreign";`);
    this.addSql(`alter table "activity" drop constraint "activity_thread_id_foreign";`);
    this.addSql(`alter table "vote" drop constraint "vote_thread_id_foreign";`);
    this.addSql(`alter table "activity" drop constraint "activity_reply_id_foreign";`);

    this.addSql(`drop table if exists "community" cascade;`);
    this.addSql(`drop table if exists "sso_key" cascade;`);
    this.addSql(`drop table if exists "staff_member" cascade;`);
    this.addSql(`drop table if exists "member" cascade;`);
    this.addSql(`drop table if exists "audit_log" cascade;`);
    this.addSql(`drop table if exists "staff_session" cascade;`);
    this.addSql(`drop table if exists "thread" cascade;`);
    this.addSql(`drop table if exists "status_change" cascade;`);
    this.addSql(`drop table if exists "reply" cascade;`);
    this.addSql(`drop table if exists "follow" cascade;`);
    this.addSql(`drop table if exists "activity" cascade;`);
    this.addSql(`drop table if exists "vote" cascade;`);
  }

}
