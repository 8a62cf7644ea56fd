import { Migration } from '@mikro-orm/migrations';

export class Migration20261204185041_close_the_loop extends Migration {

  override name = 'Migration20261204185041_close_the_loop';

  override up(): void | Promise<void> {
    this.addSql(`create table \`changelog_entry\` (\`id\` text not null primary key, \`community_id\` text not null, \`title\` text not null, \`body\` text not null, \`author_id\` text not null, \`status\` text check (\`status\` in ('DRAFT', 'SCHEDULED', 'PUBLISHED')) not null default 'DRAFT', \`publish_at\` datetime null, \`published_at\` datetime null, \`edited_at\` datetime null, \`created_at\` datetime not null, \`updated_at\` datetime not null, constraint \`changelog_entry_community_id_foreign\` foreign key (\`community_id\`) references \`community\` (\`id\`), constraint \`changelog_entry_author_id_foreign\` foreign key (\`author_id\`) references \`staff_member\` (\`id\`));`);
    this.addSql(`create index \`changelog_entry_community_id_index\` on \`changelog_entry\` (\`community_id\`);`);
    this.addSql(`create index \`changelog_entry_author_id_index\` on \`changelog_entry\` (\`author_id\`);`);
    this.addSql(`create index \`changelog_entry_community_id_status_published_at_index\` on \`changelog_entry\` (\`community_id\`, \`status\`, \`published_at\`);`);
    this.addSql(`create index \`changelog_entry_status_publish_at_index\` on \`changelog_entry\` (\`status\`, \`publish_at\`);`);

    this.addSql(`create table \`reply_address\` (\`id\` text not null primary key, \`community_id\` text not null, \`member_id\` text not null, \`thread_id\` text not null, \`code\` text not null, \`created_at\` datetime not null, constraint \`reply_address_community_id_foreign\` foreign key (\`community_id\`) references \`community\` (\`id\`), constraint \`reply_address_member_id_foreign\` foreign key (\`member_id\`) references \`member\` (\`id\`), constraint \`reply_address_thread_id_foreign\` foreign key (\`thread_id\`) references \`thread\` (\`id\`));`);
    this.addSql(`create index \`reply_address_community_id_index\` on \`reply_address\` (\`community_id\`);`);
    this.addSql(`create index \`reply_address_member_id_index\` on \`reply_address\` (\`member_id\`);`);
    this.addSql(`create index \`reply_address_thread_id_index\` on \`reply_address\` (\`thread_id\`);`);
    this.addSql(`create unique index \`reply_address_code_unique\` on \`reply_address\` (\`code\`);`);
    this.addSql(`create unique index \`reply_address_member_id_thread_id_unique\` on \`reply_address\` (\`member_id\`, \`thread_id\`);`);

    this.addSql(`create table \`notification\` (\`id\` text not null primary key, \`community_id\` text not null, \`member_id\` text not null, \`kind\` text check (\`kind\` in ('REPLY', 'STATUS_CHANGED', 'MERGED', 'CHANGELOG')) not null, \`dedupe_key\` text not null, \`thread_id\` text null, \`reply_id\` text null, \`status_change_id\` text null, \`merged_into_id\` text null, \`changelog_entry_id\` text null, \`actor_member_id\` text null, \`actor_staff_id\` text null, \`created_at\` datetime not null, constraint \`notification_community_id_foreign\` foreign key (\`community_id\`) references \`community\` (\`id\`), constraint \`notification_member_id_foreign\` foreign key (\`member_id\`) references \`member\` (\`id\`), constraint \`notification_thread_id_foreign\` foreign key (\`thread_id\`) references \`thread\` (\`id\`) on delete set null, constraint \`notification_reply_id_foreign\` foreign key (\`reply_id\`) references \`reply\` (\`id\`) on delete set null, constraint \`notification_status_change_id_foreign\` foreign key (\`status_change_id\`) references \`status_change\` (\`id\`) on delete set null, constraint \`notification_merged_into_id_foreign\` foreign key (\`merged_into_id\`) references \`thread\` (\`id\`) on delete set null, constraint \`notification_changelog_entry_id_foreign\` foreign key (\`changelog_entry_id\`) references \`changelog_entry\` (\`id\`) on delete cascade, constraint \`notification_actor_member_id_foreign\` foreign key (\`actor_member_id\`) references \`member\` (\`id\`) on delete set null, constraint \`notification_actor_staff_id_foreign\` foreign key (\`actor_staff_id\`) references \`staff_member\` (\`id\`) on delete set null);`);
    this.addSql(`create index \`notification_community_id_index\` on \`notification\` (\`community_id\`);`);
    this.addSql(`create index \`notification_member_id_index\` on \`notification\` (\`member_id\`);`);
    this.addSql(`create index \`notification_thread_id_index\` on \`notification\` (\`thread_id\`);`);
    this.addSql(`create index \`notification_reply_id_index\` on \`notification\` (\`reply_id\`);`);
    this.addSql(`create index \`notification_status_change_id_index\` on \`notification\` (\`status_change_id\`);`);
    this.addSql(`create index \`notification_merged_into_id_index\` on \`notification\` (\`merged_into_id\`);`);
    this.addSql(`create index \`notification_changelog_entry_id_index\` on \`notification\` (\`changelog_entry_id\`);`);
    this.addSql(`create index \`notification_actor_member_id_index\` on \`notification\` (\`actor_member_id\`);`);
    this.addSql(`create index \`notification_actor_staff_id_index\` on \`notification\` (\`actor_staff_id\`);`);
    this.addSql(`create index \`notification_member_id_created_at_id_index\` on \`notification\` (\`member_id\`, \`created_at\`, \`id\`);`);
    this.addSql(`create unique index \`notification_member_id_dedupe_key_unique\` on \`notification\` (\`member_id\`, \`dedupe_key\`);`);

    this.addSql(`create table \`inbound_email\` (\`id\` text not null primary key, \`community_id\` text not null, \`message_id\` text not null, \`member_id\` text not null, \`thread_id\` text not null, \`outcome\` text check (\`outcome\` in ('POSTED', 'REFUSED')) not null, \`reply_id\` text null, \`reason\` text null, \`created_at\` datetime not null, constraint \`inbound_email_community_id_foreign\` foreign key (\`community_id\`) references \`community\` (\`id\`), constraint \`inbound_email_member_id_foreign\` foreign key (\`member_id\`) references \`member\` (\`id\`), constraint \`inbound_email_thread_id_foreign\` foreign key (\`thread_id\`) references \`thread\` (\`id\`), constraint \`inbound_email_reply_id_foreign\` foreign key (\`reply_id\`) references \`reply\` (\`id\`) on delete set null);`);
    this.addSql(`create index \`inbound_email_community_id_index\` on \`inbound_email\` (\`community_id\`);`);
    this.addSql(`create index \`inbound_email_member_id_index\` on \`inbound_email\` (\`member_id\`);`);
    this.addSql(`create index \`inbound_email_thread_id_index\` on \`inbound_email\` (\`thread_id\`);`);
    this.addSql(`create index \`inbound_email_reply_id_index\` on \`inbound_email\` (\`reply_id\`);`);
    this.addSql(`create unique index \`inbound_email_community_id_message_id_unique\` on \`inbound_email\` (\`community_id\`, \`message_id\`);`);

    this.addSql(`create table \`changelog_thread\` (\`id\` text not null primary key, \`community_id\` text not null, \`entry_id\` text not null, \`thread_id\` text not null, \`position\` integer not null default 0, \`created_at\` datetime not null, constraint \`changelog_thread_community_id_foreign\` foreign key (\`community_id\`) references \`community\` (\`id\`), constraint \`changelog_thread_entry_id_foreign\` foreign key (\`entry_id\`) references \`changelog_entry\` (\`id\`) on delete cascade, constraint \`changelog_thread_thread_id_foreign\` foreign key (\`thread_id\`) references \`thread\` (\`id\`));`);
    this.addSql(`create index \`changelog_thread_community_id_index\` on \`changelog_thread\` (\`community_id\`);`);
    this.addSql(`create index \`changelog_thread_entry_id_index\` on \`changelog_thread\` (\`entry_id\`);`);
    this.addSql(`create index \`changelog_thread_thread_id_index\` on \`changelog_thread\` (\`thread_id\`);`);
    this.addSql(`create unique index \`changelog_thread_entry_id_thread_id_unique\` on \`changelog_thread\` (\`entry_id\`, \`thread_id\`);`);

    this.addSql(`alter table \`community\` add column \`inbound_secret_hash\` text null;`);

    this.addSql(`alter table \`member\` add column \`follow_on_vote\` integer not null default true;`);
    this.addSql(`alter table \`member\` add column \`changelog_read_at\` datetime null;`);

    this.addSql(`alter table \`status_change\` add column \`changelog_entry_id\` text null constraint \`status_change_changelog_entry_id_foreign\` references \`changelog_entry\` (\`id\`) on delete set null;`);
    this.addSql(`create index \`status_change_changelog_entry_id_index\` on \`status_change\` (\`changelog_entry_id\`);`);

    this.addSql(`alter table \`outbox_message\` add column \`template\` text null;`);
    this.addSql(`alter table \`outbox_message\` add column \`data\` json null;`);

    this.addSql(`pragma foreign_keys = off;`);
    this.addSql(`create table \`webhook_delivery__temp_alter\` (\`id\` text not null primary key, \`community_id\` text not null, \`webhook_id\` text not null, \`event\` text check (\`event\` in ('thread.created', 'reply.created', 'status.changed', 'member.flagged', 'consent.changed', 'member.erased', 'changelog.published')) not null, \`body\` text not null, \`status\` text check (\`status\` in ('PENDING', 'DELIVERED', 'FAILED')) not null default 'PENDING', \`due_at\` datetime not null, \`claimed_by\` text null, \`claimed_until\` datetime null, \`attempts\` integer not null default 0, \`last_status_code\` integer null, \`last_error\` text null, \`delivered_at\` datetime null, \`created_at\` datetime not null, constraint \`webhook_delivery_community_id_foreign\` foreign key (\`community_id\`) references \`community\` (\`id\`), constraint \`webhook_delivery_webhook_id_foreign\` foreign key (\`webhook_id\`) references \`webhook\` (\`id\`) on delete cascade);`);
    this.addSql(`insert into \`webhook_delivery__temp_alter\` select \`id\`, \`community_id\`, \`webhook_id\`, \`event\`, \`body\`, \`status\`, \`due_at\`, \`claimed_by\`, \`claimed_until\`, \`attempts\`, \`last_status_code\`, \`last_error\`, \`delivered_at\`, \`created_at\` from \`webhook_delivery\`;`);
    this.addSql(`drop table \`webhook_delivery\`;`);
    this.addSql(`alter table \`webhook_delivery__temp_alter\` rename to \`webhook_delivery\`;`);
    this.addSql(`create index \`webhook_delivery_community_id_index\` on \`webhook_delivery\` (\`community_id\`);`);
    this.addSql(`create index \`webhook_delivery_webhook_id_index\` on \`webhook_delivery\` (\`webhook_id\`);`);
    this.addSql(`create index \`webhook_delivery_status_due_at_index\` on \`webhook_delivery\` (\`status\`, \`due_at\`);`);
    this.addSql(`create index \`webhook_delivery_webhook_id_created_at_index\` on \`webhook_delivery\` (\`webhook_id\`, \`created_at\`);`);
    this.addSql(`pragma foreign_keys = on;`);
  }

  override down(): void | Promise<void> {

    this.addSql(`drop table if exists \`changelog_entry\`;`);
    this.addSql(`drop table if exists \`reply_address\`;`);
    this.addSql(`drop table if exists \`notification\`;`);
    this.addSql(`drop table if exists \`inbound_email\`;`);
    this.addSql(`drop table if exists \`changelog_thread\`;`);

    this.addSql(`alter table \`community\` drop column \`inbound_secret_hash\`;`);

    this.addSql(`alter table \`member\` drop column \`follow_on_vote\`;`);
    this.addSql(`alter table \`member\` drop column \`changelog_read_at\`;`);

    this.addSql(`alter table \`outbox_message\` drop column \`template\`;`);
    this.addSql(`alter table \`outbox_message\` drop column \`data\`;`);

    this.addSql(`drop index \`status_change_changelog_entry_id_index\`;`);
    this.addSql(`alter table \`status_change\` drop column \`changelog_entry_id\`;`);

    this.addSql(`pragma foreign_keys = off;`);
    this.addSql(`create table \`webhook_delivery__temp_alter\` (\`attempts\` integer not null default 0, \`body\` text not null, \`claimed_by\` text null, \`claimed_until\` datetime null, \`community_id\` text not null, \`created_at\` datetime not null, \`delivered_at\` datetime null, \`due_at\` datetime not null, \`event\` text check (\`event\` in ('thread.created', 'reply.created', 'status.changed', 'member.flagged', 'consent.changed', 'member.erased')) not null, \`id\` text not null primary key, \`last_error\` text null, \`last_status_code\` integer null, \`status\` text check (\`status\` in ('PENDING', 'DELIVERED', 'FAILED')) not null default 'PENDING', \`webhook_id\` text not null, constraint \`webhook_delivery_community_id_foreign\` foreign key (\`community_id\`) references \`community\` (\`id\`), constraint \`webhook_delivery_webhook_id_foreign\` foreign key (\`webhook_id\`) references \`webhook\` (\`id\`) on delete cascade);`);
    this.addSql(`insert into \`webhook_delivery__temp_alter\` select \`attempts\`, \`body\`, \`claimed_by\`, \`claimed_until\`, \`community_id\`, \`created_at\`, \`delivered_at\`, \`due_at\`, \`event\`, \`id\`, \`last_error\`, \`last_status_code\`, \`status\`, \`webhook_id\` from \`webhook_delivery\`;`);
    this.addSql(`drop table \`webhook_delivery\`;`);
    this.addSql(`alter table \`webhook_delivery__temp_alter\` rename to \`webhook_delivery\`;`);
    this.addSql(`create index \`webhook_delivery_community_id_index\` on \`webhook_delivery\` (\`community_id\`);`);
    this.addSql(`create index \`webhook_delivery_status_due_at_index\` on \`webhook_delivery\` (\`status\`, \`due_at\`);`);
    this.addSql(`create index \`webhook_delivery_webhook_id_created_at_index\` on \`webhook_delivery\` (\`webhook_id\`, \`created_at\`);`);
    this.addSql(`create index \`webhook_delivery_webhook_id_index\` on \`webhook_delivery\` (\`webhook_id\`);`);
    this.addSql(`pragma foreign_keys = on;`);
  }

}
