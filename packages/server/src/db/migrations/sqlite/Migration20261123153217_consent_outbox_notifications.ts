import { Migration } from '@mikro-orm/migrations';

export class Migration20261123153217_consent_outbox_notifications extends Migration {

  override name = 'Migration20261123153217_consent_outbox_notifications';

  override up(): void | Promise<void> {
    this.addSql(`create table \`consent_record\` (\`id\` text not null primary key, \`community_id\` text not null, \`member_id\` text not null, \`purpose\` text check (\`purpose\` in ('THREAD_NOTIFICATIONS', 'PRODUCT_UPDATES', 'STAFF_CONTACT')) not null, \`granted\` integer not null, \`source\` text check (\`source\` in ('WIDGET', 'SSO', 'ADMIN', 'IMPORT', 'UNSUBSCRIBE_LINK')) not null, \`text_shown\` text not null, \`recorded_by_id\` text null, \`created_at\` datetime not null, constraint \`consent_record_community_id_foreign\` foreign key (\`community_id\`) references \`community\` (\`id\`), constraint \`consent_record_member_id_foreign\` foreign key (\`member_id\`) references \`member\` (\`id\`), constraint \`consent_record_recorded_by_id_foreign\` foreign key (\`recorded_by_id\`) references \`staff_member\` (\`id\`) on delete set null);`);
    this.addSql(`create index \`consent_record_community_id_index\` on \`consent_record\` (\`community_id\`);`);
    this.addSql(`create index \`consent_record_member_id_index\` on \`consent_record\` (\`member_id\`);`);
    this.addSql(`create index \`consent_record_recorded_by_id_index\` on \`consent_record\` (\`recorded_by_id\`);`);
    this.addSql(`create index \`consent_record_member_id_purpose_created_at_index\` on \`consent_record\` (\`member_id\`, \`purpose\`, \`created_at\`);`);
    this.addSql(`create index \`consent_record_community_id_created_at_index\` on \`consent_record\` (\`community_id\`, \`created_at\`);`);

    this.addSql(`create table \`outbox_message\` (\`id\` text not null primary key, \`community_id\` text not null, \`member_id\` text not null, \`purpose\` text check (\`purpose\` in ('THREAD_NOTIFICATIONS', 'PRODUCT_UPDATES', 'STAFF_CONTACT')) not null, \`thread_id\` text null, \`dedupe_key\` text not null, \`subject\` text not null, \`body\` text not null, \`status\` text check (\`status\` in ('PENDING', 'SENT', 'SKIPPED', 'FAILED')) not null default 'PENDING', \`due_at\` datetime not null, \`digest\` integer not null default false, \`claimed_until\` datetime null, \`attempts\` integer not null default 0, \`last_error\` text null, \`sent_at\` datetime null, \`created_at\` datetime not null, constraint \`outbox_message_community_id_foreign\` foreign key (\`community_id\`) references \`community\` (\`id\`), constraint \`outbox_message_member_id_foreign\` foreign key (\`member_id\`) references \`member\` (\`id\`), constraint \`outbox_message_thread_id_foreign\` foreign key (\`thread_id\`) references \`thread\` (\`id\`) on delete set null);`);
    this.addSql(`create index \`outbox_message_community_id_index\` on \`outbox_message\` (\`community_id\`);`);
    this.addSql(`create index \`outbox_message_member_id_index\` on \`outbox_message\` (\`member_id\`);`);
    this.addSql(`create index \`outbox_message_thread_id_index\` on \`outbox_message\` (\`thread_id\`);`);
    this.addSql(`create index \`outbox_message_status_due_at_index\` on \`outbox_message\` (\`status\`, \`due_at\`);`);
    this.addSql(`create index \`outbox_message_member_id_status_index\` on \`outbox_message\` (\`member_id\`, \`status\`);`);
    this.addSql(`create unique index \`outbox_message_dedupe_key_unique\` on \`outbox_message\` (\`dedupe_key\`);`);

    this.addSql(`alter table \`community\` add column \`link_secret\` text null;`);

    this.addSql(`pragma foreign_keys = off;`);
    this.addSql(`create table \`member__temp_alter\` (\`id\` text not null primary key, \`community_id\` text not null, \`kind\` text check (\`kind\` in ('GUEST', 'SSO')) not null, \`external_id\` text null, \`guest_token_hash\` text null, \`display_name\` text not null, \`email\` text null, \`avatar_url\` text null, \`email_digest\` text check (\`email_digest\` in ('IMMEDIATE', 'DAILY', 'NEVER')) not null default 'IMMEDIATE', \`notifications_read_at\` datetime null, \`referral_code\` text null, \`owner_id\` text null, \`ambassador_flagged_at\` datetime null, \`ambassador_flagged_by_id\` text null, \`ambassador_reason\` text null, \`suspended_at\` datetime null, \`suspended_reason\` text null, \`thread_count\` integer not null default 0, \`reply_count\` integer not null default 0, \`vote_count\` integer not null default 0, \`erased_at\` datetime null, \`first_seen_at\` datetime not null, \`last_seen_at\` datetime not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, constraint \`member_community_id_foreign\` foreign key (\`community_id\`) references \`community\` (\`id\`), constraint \`member_owner_id_foreign\` foreign key (\`owner_id\`) references \`staff_member\` (\`id\`) on delete set null, constraint \`member_ambassador_flagged_by_id_foreign\` foreign key (\`ambassador_flagged_by_id\`) references \`staff_member\` (\`id\`) on delete set null);`);
    this.addSql(`insert into \`member__temp_alter\` select \`id\`, \`community_id\`, \`kind\`, \`external_id\`, \`guest_token_hash\`, \`display_name\`, \`email\`, \`avatar_url\`, 'IMMEDIATE' as \`email_digest\`, null as \`notifications_read_at\`, \`referral_code\`, \`owner_id\`, \`ambassador_flagged_at\`, \`ambassador_flagged_by_id\`, \`ambassador_reason\`, \`suspended_at\`, \`suspended_reason\`, \`thread_count\`, \`reply_count\`, \`vote_count\`, \`erased_at\`, \`first_seen_at\`, \`last_seen_at\`, \`created_at\`, \`updated_at\` from \`member\`;`);
    this.addSql(`drop table \`member\`;`);
    this.addSql(`alter table \`member__temp_alter\` rename to \`member\`;`);
    this.addSql(`create index \`member_community_id_index\` on \`member\` (\`community_id\`);`);
    this.addSql(`create unique index \`member_guest_token_hash_unique\` on \`member\` (\`guest_token_hash\`);`);
    this.addSql(`create index \`member_owner_id_index\` on \`member\` (\`owner_id\`);`);
    this.addSql(`create index \`member_ambassador_flagged_by_id_index\` on \`member\` (\`ambassador_flagged_by_id\`);`);
    this.addSql(`create index \`member_community_id_last_seen_at_index\` on \`member\` (\`community_id\`, \`last_seen_at\`);`);
    this.addSql(`create unique index \`member_community_id_external_id_unique\` on \`member\` (\`community_id\`, \`external_id\`);`);
    this.addSql(`create unique index \`member_community_id_referral_code_unique\` on \`member\` (\`community_id\`, \`referral_code\`);`);
    this.addSql(`pragma foreign_keys = on;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists \`consent_record\`;`);
    this.addSql(`drop table if exists \`outbox_message\`;`);

    this.addSql(`alter table \`community\` drop column \`link_secret\`;`);

    this.addSql(`pragma foreign_keys = off;`);
    this.addSql(`create table \`member__temp_alter\` (\`ambassador_flagged_at\` datetime null, \`ambassador_flagged_by_id\` text null, \`ambassador_reason\` text null, \`avatar_url\` text null, \`community_id\` text not null, \`created_at\` datetime not null, \`display_name\` text not null, \`email\` text null, \`erased_at\` datetime null, \`external_id\` text null, \`first_seen_at\` datetime not null, \`guest_token_hash\` text null, \`id\` text not null primary key, \`kind\` text check (\`kind\` in ('GUEST', 'SSO')) not null, \`last_seen_at\` datetime not null, \`owner_id\` text null, \`referral_code\` text null, \`reply_count\` integer not null default 0, \`suspended_at\` datetime null, \`suspended_reason\` text null, \`thread_count\` integer not null default 0, \`updated_at\` datetime not null, \`vote_count\` integer not null default 0, constraint \`member_ambassador_flagged_by_id_foreign\` foreign key (\`ambassador_flagged_by_id\`) references \`staff_member\` (\`id\`) on delete set null, constraint \`member_community_id_foreign\` foreign key (\`community_id\`) references \`community\` (\`id\`), constraint \`member_owner_id_foreign\` foreign key (\`owner_id\`) references \`staff_member\` (\`id\`) on delete set null);`);
    this.addSql(`insert into \`member__temp_alter\` select \`ambassador_flagged_at\`, \`ambassador_flagged_by_id\`, \`ambassador_reason\`, \`avatar_url\`, \`community_id\`, \`created_at\`, \`display_name\`, \`email\`, \`erased_at\`, \`external_id\`, \`first_seen_at\`, \`guest_token_hash\`, \`id\`, \`kind\`, \`last_seen_at\`, \`owner_id\`, \`referral_code\`, \`reply_count\`, \`suspended_at\`, \`suspended_reason\`, \`thread_count\`, \`updated_at\`, \`vote_count\` from \`member\`;`);
    this.addSql(`drop table \`member\`;`);
    this.addSql(`alter table \`member__temp_alter\` rename to \`member\`;`);
    this.addSql(`create index \`member_ambassador_flagged_by_id_index\` on \`member\` (\`ambassador_flagged_by_id\`);`);
    this.addSql(`create unique index \`member_community_id_external_id_unique\` on \`member\` (\`community_id\`, \`external_id\`);`);
    this.addSql(`create index \`member_community_id_index\` on \`member\` (\`community_id\`);`);
    this.addSql(`create index \`member_community_id_last_seen_at_index\` on \`member\` (\`community_id\`, \`last_seen_at\`);`);
    this.addSql(`create unique index \`member_community_id_referral_code_unique\` on \`member\` (\`community_id\`, \`referral_code\`);`);
    this.addSql(`create unique index \`member_guest_token_hash_unique\` on \`member\` (\`guest_token_hash\`);`);
    this.addSql(`create index \`member_owner_id_index\` on \`member\` (\`owner_id\`);`);
    this.addSql(`pragma foreign_keys = on;`);
  }

}
