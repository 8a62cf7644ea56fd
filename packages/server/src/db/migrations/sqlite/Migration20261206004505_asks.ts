import { Migration } from '@mikro-orm/migrations';

/** Asks: questions and polls staff put to a segment, and members' answers (services/asks). */
export class Migration20261206004505_asks extends Migration {

  override name = 'Migration20261206004505_asks';

  override up(): void | Promise<void> {
    this.addSql(`create table \`ask\` (\`id\` text not null primary key, \`community_id\` text not null, \`author_id\` text not null, \`question\` text not null, \`details\` text not null default '', \`choices\` json not null, \`multiple\` integer not null default false, \`allow_text\` integer not null default false, \`segment_id\` text null, \`target_name\` text null, \`target_rules\` json null, \`status\` text check (\`status\` in ('DRAFT', 'OPEN', 'CLOSED')) not null default 'DRAFT', \`closes_at\` datetime not null, \`published_at\` datetime null, \`closed_at\` datetime null, \`follow_up_id\` text null, \`created_at\` datetime not null, \`updated_at\` datetime not null, constraint \`ask_community_id_foreign\` foreign key (\`community_id\`) references \`community\` (\`id\`), constraint \`ask_author_id_foreign\` foreign key (\`author_id\`) references \`staff_member\` (\`id\`), constraint \`ask_segment_id_foreign\` foreign key (\`segment_id\`) references \`segment\` (\`id\`) on delete set null, constraint \`ask_follow_up_id_foreign\` foreign key (\`follow_up_id\`) references \`thread\` (\`id\`) on delete set null);`);
    this.addSql(`create index \`ask_community_id_index\` on \`ask\` (\`community_id\`);`);
    this.addSql(`create index \`ask_author_id_index\` on \`ask\` (\`author_id\`);`);
    this.addSql(`create index \`ask_segment_id_index\` on \`ask\` (\`segment_id\`);`);
    this.addSql(`create index \`ask_follow_up_id_index\` on \`ask\` (\`follow_up_id\`);`);
    this.addSql(`create index \`ask_community_id_status_closes_at_index\` on \`ask\` (\`community_id\`, \`status\`, \`closes_at\`);`);
    this.addSql(`create index \`ask_status_closes_at_index\` on \`ask\` (\`status\`, \`closes_at\`);`);

    this.addSql(`create table \`ask_answer\` (\`id\` text not null primary key, \`community_id\` text not null, \`ask_id\` text not null, \`member_id\` text not null, \`choices\` json not null, \`text\` text null, \`created_at\` datetime not null, \`updated_at\` datetime not null, constraint \`ask_answer_community_id_foreign\` foreign key (\`community_id\`) references \`community\` (\`id\`), constraint \`ask_answer_ask_id_foreign\` foreign key (\`ask_id\`) references \`ask\` (\`id\`) on delete cascade, constraint \`ask_answer_member_id_foreign\` foreign key (\`member_id\`) references \`member\` (\`id\`) on delete cascade);`);
    this.addSql(`create index \`ask_answer_community_id_index\` on \`ask_answer\` (\`community_id\`);`);
    this.addSql(`create index \`ask_answer_ask_id_index\` on \`ask_answer\` (\`ask_id\`);`);
    this.addSql(`create index \`ask_answer_member_id_index\` on \`ask_answer\` (\`member_id\`);`);
    this.addSql(`create unique index \`ask_answer_ask_id_member_id_unique\` on \`ask_answer\` (\`ask_id\`, \`member_id\`);`);

    this.addSql(`pragma foreign_keys = off;`);
    this.addSql(`create table \`webhook_delivery__temp_alter\` (\`id\` text not null primary key, \`community_id\` text not null, \`webhook_id\` text not null, \`event\` text check (\`event\` in ('thread.created', 'reply.created', 'status.changed', 'member.flagged', 'consent.changed', 'member.erased', 'changelog.published', 'ask.published', 'ask.answered')) not null, \`body\` text not null, \`status\` text check (\`status\` in ('PENDING', 'DELIVERED', 'FAILED')) not null default 'PENDING', \`due_at\` datetime not null, \`claimed_by\` text null, \`claimed_until\` datetime null, \`attempts\` integer not null default 0, \`last_status_code\` integer null, \`last_error\` text null, \`delivered_at\` datetime null, \`created_at\` datetime not null, constraint \`webhook_delivery_community_id_foreign\` foreign key (\`community_id\`) references \`community\` (\`id\`), constraint \`webhook_delivery_webhook_id_foreign\` foreign key (\`webhook_id\`) references \`webhook\` (\`id\`) on delete cascade);`);
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

    this.addSql(`drop table if exists \`ask\`;`);
    this.addSql(`drop table if exists \`ask_answer\`;`);

    this.addSql(`pragma foreign_keys = off;`);
    this.addSql(`create table \`webhook_delivery__temp_alter\` (\`attempts\` integer not null default 0, \`body\` text not null, \`claimed_by\` text null, \`claimed_until\` datetime null, \`community_id\` text not null, \`created_at\` datetime not null, \`delivered_at\` datetime null, \`due_at\` datetime not null, \`event\` text check (\`event\` in ('thread.created', 'reply.created', 'status.changed', 'member.flagged', 'consent.changed', 'member.erased', 'changelog.published')) not null, \`id\` text not null primary key, \`last_error\` text null, \`last_status_code\` integer null, \`status\` text check (\`status\` in ('PENDING', 'DELIVERED', 'FAILED')) not null default 'PENDING', \`webhook_id\` text not null, constraint \`webhook_delivery_community_id_foreign\` foreign key (\`community_id\`) references \`community\` (\`id\`), constraint \`webhook_delivery_webhook_id_foreign\` foreign key (\`webhook_id\`) references \`webhook\` (\`id\`) on delete cascade);`);
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
