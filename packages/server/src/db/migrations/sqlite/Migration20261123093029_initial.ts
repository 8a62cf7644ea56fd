import { Migration } from '@mikro-orm/migrations';

export class Migration20261123093029_initial extends Migration {

  override name = 'Migration20261123093029_initial';

  override up(): void | Promise<void> {
    this.addSql(`create table \`community\` (\`id\` text not null primary key, \`slug\` text not null, \`name\` text not null, \`allowed_origins\` json not null, \`settings\` json not null, \`created_at\` datetime not null, \`updated_at\` datetime not null);`);
    this.addSql(`create unique index \`community_slug_unique\` on \`community\` (\`slug\`);`);

    this.addSql(`create table \`sso_key\` (\`id\` text not null primary key, \`community_id\` text not null, \`kid\` text not null, \`secret\` text not null, \`created_at\` datetime not null, \`revoked_at\` datetime null, constraint \`sso_key_community_id_foreign\` foreign key (\`community_id\`) references \`community\` (\`id\`));`);
    this.addSql(`create index \`sso_key_community_id_index\` on \`sso_key\` (\`community_id\`);`);
    this.addSql(`create unique index \`sso_key_kid_unique\` on \`sso_key\` (\`kid\`);`);

    this.addSql(`create table \`staff_member\` (\`id\` text not null primary key, \`community_id\` text not null, \`email\` text not null, \`name\` text not null, \`title\` text null, \`avatar_url\` text null, \`role\` text check (\`role\` in ('OWNER', 'MANAGER', 'STAFF', 'AGENCY')) not null, \`agency_name\` text null, \`password_hash\` text null, \`active\` integer not null default true, \`deactivated_at\` datetime null, \`created_at\` datetime not null, \`updated_at\` datetime not null, constraint \`staff_member_community_id_foreign\` foreign key (\`community_id\`) references \`community\` (\`id\`));`);
    this.addSql(`create index \`staff_member_community_id_index\` on \`staff_member\` (\`community_id\`);`);
    this.addSql(`create unique index \`staff_member_community_id_email_unique\` on \`staff_member\` (\`community_id\`, \`email\`);`);

    this.addSql(`create table \`member\` (\`id\` text not null primary key, \`community_id\` text not null, \`kind\` text check (\`kind\` in ('GUEST', 'SSO')) not null, \`external_id\` text null, \`guest_token_hash\` text null, \`display_name\` text not null, \`email\` text null, \`avatar_url\` text null, \`owner_id\` text null, \`ambassador_flagged_at\` datetime null, \`ambassador_flagged_by_id\` text null, \`ambassador_reason\` text null, \`suspended_at\` datetime null, \`erased_at\` datetime null, \`first_seen_at\` datetime not null, \`last_seen_at\` datetime not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, constraint \`member_community_id_foreign\` foreign key (\`community_id\`) references \`community\` (\`id\`), constraint \`member_owner_id_foreign\` foreign key (\`owner_id\`) references \`staff_member\` (\`id\`) on delete set null, constraint \`member_ambassador_flagged_by_id_foreign\` foreign key (\`ambassador_flagged_by_id\`) references \`staff_member\` (\`id\`) on delete set null);`);
    this.addSql(`create index \`member_community_id_index\` on \`member\` (\`community_id\`);`);
    this.addSql(`create unique index \`member_guest_token_hash_unique\` on \`member\` (\`guest_token_hash\`);`);
    this.addSql(`create index \`member_owner_id_index\` on \`member\` (\`owner_id\`);`);
    this.addSql(`create index \`member_ambassador_flagged_by_id_index\` on \`member\` (\`ambassador_flagged_by_id\`);`);
    this.addSql(`create index \`member_community_id_last_seen_at_index\` on \`member\` (\`community_id\`, \`last_seen_at\`);`);
    this.addSql(`create unique index \`member_community_id_external_id_unique\` on \`member\` (\`community_id\`, \`external_id\`);`);

    this.addSql(`create table \`audit_log\` (\`id\` text not null primary key, \`community_id\` text not null, \`actor_staff_id\` text null, \`action\` text not null, \`target_type\` text not null, \`target_id\` text not null, \`before\` json null, \`after\` json null, \`created_at\` datetime not null, constraint \`audit_log_community_id_foreign\` foreign key (\`community_id\`) references \`community\` (\`id\`), constraint \`audit_log_actor_staff_id_foreign\` foreign key (\`actor_staff_id\`) references \`staff_member\` (\`id\`) on delete set null);`);
    this.addSql(`create index \`audit_log_community_id_index\` on \`audit_log\` (\`community_id\`);`);
    this.addSql(`create index \`audit_log_actor_staff_id_index\` on \`audit_log\` (\`actor_staff_id\`);`);
    this.addSql(`create index \`audit_log_community_id_created_at_index\` on \`audit_log\` (\`community_id\`, \`created_at\`);`);
    this.addSql(`create index \`audit_log_target_id_index\` on \`audit_log\` (\`target_id\`);`);

    this.addSql(`create table \`staff_session\` (\`id\` text not null primary key, \`community_id\` text not null, \`staff_id\` text not null, \`token_hash\` text not null, \`created_at\` datetime not null, \`expires_at\` datetime not null, \`revoked_at\` datetime null, constraint \`staff_session_community_id_foreign\` foreign key (\`community_id\`) references \`community\` (\`id\`), constraint \`staff_session_staff_id_foreign\` foreign key (\`staff_id\`) references \`staff_member\` (\`id\`));`);
    this.addSql(`create index \`staff_session_community_id_index\` on \`staff_session\` (\`community_id\`);`);
    this.addSql(`create index \`staff_session_staff_id_index\` on \`staff_session\` (\`staff_id\`);`);
    this.addSql(`create unique index \`staff_session_token_hash_unique\` on \`staff_session\` (\`token_hash\`);`);

    this.addSql(`create table \`thread\` (\`id\` text not null primary key, \`community_id\` text not null, \`kind\` text check (\`kind\` in ('IDEA', 'QUESTION', 'PRAISE', 'PROBLEM')) not null, \`title\` text not null, \`body\` text not null, \`status\` text check (\`status\` in ('OPEN', 'UNDER_REVIEW', 'PLANNED', 'IN_PROGRESS', 'SHIPPED', 'DECLINED')) not null default 'OPEN', \`author_member_id\` text null, \`author_staff_id\` text null, \`vote_count\` integer not null default 0, \`reply_count\` integer not null default 0, \`follower_count\` integer not null default 0, \`trending_score\` double not null default 0, \`first_staff_reply_at\` datetime null, \`last_activity_at\` datetime not null, \`sentiment\` double null, \`hidden_at\` datetime null, \`locked_at\` datetime null, \`merged_into_id\` text null, \`created_at\` datetime not null, \`updated_at\` datetime not null, constraint \`thread_community_id_foreign\` foreign key (\`community_id\`) references \`community\` (\`id\`), constraint \`thread_author_member_id_foreign\` foreign key (\`author_member_id\`) references \`member\` (\`id\`) on delete set null, constraint \`thread_author_staff_id_foreign\` foreign key (\`author_staff_id\`) references \`staff_member\` (\`id\`) on delete set null, constraint \`thread_merged_into_id_foreign\` foreign key (\`merged_into_id\`) references \`thread\` (\`id\`) on delete set null);`);
    this.addSql(`create index \`thread_community_id_index\` on \`thread\` (\`community_id\`);`);
    this.addSql(`create index \`thread_author_staff_id_index\` on \`thread\` (\`author_staff_id\`);`);
    this.addSql(`create index \`thread_merged_into_id_index\` on \`thread\` (\`merged_into_id\`);`);
    this.addSql(`create index \`thread_community_id_created_at_id_index\` on \`thread\` (\`community_id\`, \`created_at\`, \`id\`);`);
    this.addSql(`create index \`thread_community_id_vote_count_id_index\` on \`thread\` (\`community_id\`, \`vote_count\`, \`id\`);`);
    this.addSql(`create index \`thread_community_id_trending_score_id_index\` on \`thread\` (\`community_id\`, \`trending_score\`, \`id\`);`);
    this.addSql(`create index \`thread_community_id_status_index\` on \`thread\` (\`community_id\`, \`status\`);`);
    this.addSql(`create index \`thread_community_id_first_staff_reply_at_index\` on \`thread\` (\`community_id\`, \`first_staff_reply_at\`);`);
    this.addSql(`create index \`thread_author_member_id_index\` on \`thread\` (\`author_member_id\`);`);

    this.addSql(`create table \`status_change\` (\`id\` text not null primary key, \`community_id\` text not null, \`thread_id\` text not null, \`staff_id\` text not null, \`from_status\` text check (\`from_status\` in ('OPEN', 'UNDER_REVIEW', 'PLANNED', 'IN_PROGRESS', 'SHIPPED', 'DECLINED')) not null, \`to_status\` text check (\`to_status\` in ('OPEN', 'UNDER_REVIEW', 'PLANNED', 'IN_PROGRESS', 'SHIPPED', 'DECLINED')) not null, \`note\` text null, \`created_at\` datetime not null, constraint \`status_change_community_id_foreign\` foreign key (\`community_id\`) references \`community\` (\`id\`), constraint \`status_change_thread_id_foreign\` foreign key (\`thread_id\`) references \`thread\` (\`id\`), constraint \`status_change_staff_id_foreign\` foreign key (\`staff_id\`) references \`staff_member\` (\`id\`));`);
    this.addSql(`create index \`status_change_community_id_index\` on \`status_change\` (\`community_id\`);`);
    this.addSql(`create index \`status_change_thread_id_index\` on \`status_change\` (\`thread_id\`);`);
    this.addSql(`create index \`status_change_staff_id_index\` on \`status_change\` (\`staff_id\`);`);
    this.addSql(`create index \`status_change_thread_id_created_at_index\` on \`status_change\` (\`thread_id\`, \`created_at\`);`);

    this.addSql(`create table \`reply\` (\`id\` text not null primary key, \`community_id\` text not null, \`thread_id\` text not null, \`author_member_id\` text null, \`author_staff_id\` text null, \`body\` text not null, \`sentiment\` double null, \`hidden_at\` datetime null, \`created_at\` datetime not null, \`updated_at\` datetime not null, constraint \`reply_community_id_foreign\` foreign key (\`community_id\`) references \`community\` (\`id\`), constraint \`reply_thread_id_foreign\` foreign key (\`thread_id\`) references \`thread\` (\`id\`), constraint \`reply_author_member_id_foreign\` foreign key (\`author_member_id\`) references \`member\` (\`id\`) on delete set null, constraint \`reply_author_staff_id_foreign\` foreign key (\`author_staff_id\`) references \`staff_member\` (\`id\`) on delete set null);`);
    this.addSql(`create index \`reply_community_id_index\` on \`reply\` (\`community_id\`);`);
    this.addSql(`create index \`reply_thread_id_index\` on \`reply\` (\`thread_id\`);`);
    this.addSql(`create index \`reply_author_staff_id_index\` on \`reply\` (\`author_staff_id\`);`);
    this.addSql(`create index \`reply_thread_id_created_at_id_index\` on \`reply\` (\`thread_id\`, \`created_at\`, \`id\`);`);
    this.addSql(`create index \`reply_author_member_id_index\` on \`reply\` (\`author_member_id\`);`);

    this.addSql(`create table \`follow\` (\`id\` text not null primary key, \`community_id\` text not null, \`thread_id\` text not null, \`member_id\` text null, \`staff_id\` text null, \`created_at\` datetime not null, constraint \`follow_community_id_foreign\` foreign key (\`community_id\`) references \`community\` (\`id\`), constraint \`follow_thread_id_foreign\` foreign key (\`thread_id\`) references \`thread\` (\`id\`), constraint \`follow_member_id_foreign\` foreign key (\`member_id\`) references \`member\` (\`id\`) on delete set null, constraint \`follow_staff_id_foreign\` foreign key (\`staff_id\`) references \`staff_member\` (\`id\`) on delete set null);`);
    this.addSql(`create index \`follow_community_id_index\` on \`follow\` (\`community_id\`);`);
    this.addSql(`create index \`follow_thread_id_index\` on \`follow\` (\`thread_id\`);`);
    this.addSql(`create index \`follow_member_id_index\` on \`follow\` (\`member_id\`);`);
    this.addSql(`create index \`follow_staff_id_index\` on \`follow\` (\`staff_id\`);`);
    this.addSql(`create unique index \`follow_thread_id_member_id_unique\` on \`follow\` (\`thread_id\`, \`member_id\`);`);
    this.addSql(`create unique index \`follow_thread_id_staff_id_unique\` on \`follow\` (\`thread_id\`, \`staff_id\`);`);

    this.addSql(`create table \`activity\` (\`id\` text not null primary key, \`community_id\` text not null, \`type\` text check (\`type\` in ('MEMBER_JOINED', 'THREAD_POSTED', 'REPLY_POSTED', 'VOTE_ADDED', 'VOTE_REMOVED', 'FOLLOWED', 'UNFOLLOWED', 'STATUS_CHANGED')) not null, \`actor_member_id\` text null, \`actor_staff_id\` text null, \`subject_member_id\` text null, \`thread_id\` text null, \`reply_id\` text null, \`data\` json null, \`created_at\` datetime not null, constraint \`activity_community_id_foreign\` foreign key (\`community_id\`) references \`community\` (\`id\`), constraint \`activity_actor_member_id_foreign\` foreign key (\`actor_member_id\`) references \`member\` (\`id\`) on delete set null, constraint \`activity_actor_staff_id_foreign\` foreign key (\`actor_staff_id\`) references \`staff_member\` (\`id\`) on delete set null, constraint \`activity_subject_member_id_foreign\` foreign key (\`subject_member_id\`) references \`member\` (\`id\`) on delete set null, constraint \`activity_thread_id_foreign\` foreign key (\`thread_id\`) references \`thread\` (\`id\`) on delete set null, constraint \`activity_reply_id_foreign\` foreign key (\`reply_id\`) references \`reply\` (\`id\`) on delete set null);`);
    this.addSql(`create index \`activity_community_id_index\` on \`activity\` (\`community_id\`);`);
    this.addSql(`create index \`activity_actor_member_id_index\` on \`activity\` (\`actor_member_id\`);`);
    this.addSql(`create index \`activity_actor_staff_id_index\` on \`activity\` (\`actor_staff_id\`);`);
    this.addSql(`create index \`activity_subject_member_id_index\` on \`activity\` (\`subject_member_id\`);`);
    this.addSql(`create index \`activity_reply_id_index\` on \`activity\` (\`reply_id\`);`);
    this.addSql(`create index \`activity_community_id_created_at_index\` on \`activity\` (\`community_id\`, \`created_at\`);`);
    this.addSql(`create index \`activity_actor_member_id_created_at_index\` on \`activity\` (\`actor_member_id\`, \`created_at\`);`);
    this.addSql(`create index \`activity_subject_member_id_created_at_index\` on \`activity\` (\`subject_member_id\`, \`created_at\`);`);
    this.addSql(`create index \`activity_thread_id_index\` on \`activity\` (\`thread_id\`);`);

    this.addSql(`create table \`vote\` (\`id\` text not null primary key, \`community_id\` text not null, \`thread_id\` text not null, \`member_id\` text not null, \`created_at\` datetime not null, constraint \`vote_community_id_foreign\` foreign key (\`community_id\`) references \`community\` (\`id\`), constraint \`vote_thread_id_foreign\` foreign key (\`thread_id\`) references \`thread\` (\`id\`), constraint \`vote_member_id_foreign\` foreign key (\`member_id\`) references \`member\` (\`id\`));`);
    this.addSql(`create index \`vote_community_id_index\` on \`vote\` (\`community_id\`);`);
    this.addSql(`create index \`vote_thread_id_index\` on \`vote\` (\`thread_id\`);`);
    this.addSql(`create index \`vote_member_id_index\` on \`vote\` (\`member_id\`);`);
    this.addSql(`create unique index \`vote_thread_id_member_id_unique\` on \`vote\` (\`thread_id\`, \`member_id\`);`);
  }

  override down(): void | Promise<void> {

    this.addSql(`drop table if exists \`community\`;`);
    this.addSql(`drop table if exists \`sso_key\`;`);
    this.addSql(`drop table if exists \`staff_member\`;`);
    this.addSql(`drop table if exists \`member\`;`);
    this.addSql(`drop table if exists \`audit_log\`;`);
    this.addSql(`drop table if exists \`staff_session\`;`);
    this.addSql(`drop table if exists \`thread\`;`);
    this.addSql(`drop table if exists \`status_change\`;`);
    this.addSql(`drop table if exists \`reply\`;`);
    this.addSql(`drop table if exists \`follow\`;`);
    this.addSql(`drop table if exists \`activity\`;`);
    this.addSql(`drop table if exists \`vote\`;`);
  }

}
