import { Migration } from '@mikro-orm/migrations';

/** Alerts: webhooks formatted for Slack, Discord or Teams, their events, and one-time deliveries. */
export class Migration20261206011526_alerts extends Migration {

  override name = 'Migration20261206011526_alerts';

  override up(): void | Promise<void> {
    this.addSql(`pragma foreign_keys = off;`);
    this.addSql(`create table \`webhook__temp_alter\` (\`id\` text not null primary key, \`community_id\` text not null, \`url\` text not null, \`events\` json not null, \`secret\` text not null, \`active\` integer not null default true, \`format\` text check (\`format\` in ('JSON', 'SLACK', 'DISCORD', 'TEAMS')) not null default 'JSON', \`vote_threshold\` integer null, \`created_by_id\` text null, \`created_at\` datetime not null, constraint \`webhook_community_id_foreign\` foreign key (\`community_id\`) references \`community\` (\`id\`), constraint \`webhook_created_by_id_foreign\` foreign key (\`created_by_id\`) references \`staff_member\` (\`id\`) on delete set null);`);
    this.addSql(`insert into \`webhook__temp_alter\` select \`id\`, \`community_id\`, \`url\`, \`events\`, \`secret\`, \`active\`, 'JSON' as \`format\`, null as \`vote_threshold\`, \`created_by_id\`, \`created_at\` from \`webhook\`;`);
    this.addSql(`drop table \`webhook\`;`);
    this.addSql(`alter table \`webhook__temp_alter\` rename to \`webhook\`;`);
    this.addSql(`create index \`webhook_community_id_index\` on \`webhook\` (\`community_id\`);`);
    this.addSql(`create index \`webhook_created_by_id_index\` on \`webhook\` (\`created_by_id\`);`);
    this.addSql(`create index \`webhook_community_id_active_index\` on \`webhook\` (\`community_id\`, \`active\`);`);
    this.addSql(`pragma foreign_keys = on;`);

    this.addSql(`pragma foreign_keys = off;`);
    this.addSql(`create table \`webhook_delivery__temp_alter\` (\`id\` text not null primary key, \`community_id\` text not null, \`webhook_id\` text not null, \`event\` text check (\`event\` in ('thread.created', 'reply.created', 'status.changed', 'member.flagged', 'consent.changed', 'member.erased', 'changelog.published', 'ask.published', 'ask.answered', 'idea.created', 'ambassador.posted', 'critic.posted', 'idea.votes_passed', 'ask.closed')) not null, \`body\` text not null, \`dedupe_key\` text null, \`status\` text check (\`status\` in ('PENDING', 'DELIVERED', 'FAILED')) not null default 'PENDING', \`due_at\` datetime not null, \`claimed_by\` text null, \`claimed_until\` datetime null, \`attempts\` integer not null default 0, \`last_status_code\` integer null, \`last_error\` text null, \`delivered_at\` datetime null, \`created_at\` datetime not null, constraint \`webhook_delivery_community_id_foreign\` foreign key (\`community_id\`) references \`community\` (\`id\`), constraint \`webhook_delivery_webhook_id_foreign\` foreign key (\`webhook_id\`) references \`webhook\` (\`id\`) on delete cascade);`);
    this.addSql(`insert into \`webhook_delivery__temp_alter\` select \`id\`, \`community_id\`, \`webhook_id\`, \`event\`, \`body\`, null as \`dedupe_key\`, \`status\`, \`due_at\`, \`claimed_by\`, \`claimed_until\`, \`attempts\`, \`last_status_code\`, \`last_error\`, \`delivered_at\`, \`created_at\` from \`webhook_delivery\`;`);
    this.addSql(`drop table \`webhook_delivery\`;`);
    this.addSql(`alter table \`webhook_delivery__temp_alter\` rename to \`webhook_delivery\`;`);
    this.addSql(`create index \`webhook_delivery_community_id_index\` on \`webhook_delivery\` (\`community_id\`);`);
    this.addSql(`create index \`webhook_delivery_webhook_id_index\` on \`webhook_delivery\` (\`webhook_id\`);`);
    this.addSql(`create index \`webhook_delivery_status_due_at_index\` on \`webhook_delivery\` (\`status\`, \`due_at\`);`);
    this.addSql(`create index \`webhook_delivery_webhook_id_created_at_index\` on \`webhook_delivery\` (\`webhook_id\`, \`created_at\`);`);
    this.addSql(`create index \`webhook_delivery_webhook_id_dedupe_key_index\` on \`webhook_delivery\` (\`webhook_id\`, \`dedupe_key\`);`);
    this.addSql(`pragma foreign_keys = on;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`pragma foreign_keys = off;`);
    this.addSql(`create table \`webhook__temp_alter\` (\`active\` integer not null default true, \`community_id\` text not null, \`created_at\` datetime not null, \`created_by_id\` text null, \`events\` json not null, \`id\` text not null primary key, \`secret\` text not null, \`url\` text not null, constraint \`webhook_community_id_foreign\` foreign key (\`community_id\`) references \`community\` (\`id\`), constraint \`webhook_created_by_id_foreign\` foreign key (\`created_by_id\`) references \`staff_member\` (\`id\`) on delete set null);`);
    this.addSql(`insert into \`webhook__temp_alter\` select \`active\`, \`community_id\`, \`created_at\`, \`created_by_id\`, \`events\`, \`id\`, \`secret\`, \`url\` from \`webhook\`;`);
    this.addSql(`drop table \`webhook\`;`);
    this.addSql(`alter table \`webhook__temp_alter\` rename to \`webhook\`;`);
    this.addSql(`create index \`webhook_community_id_active_index\` on \`webhook\` (\`community_id\`, \`active\`);`);
    this.addSql(`create index \`webhook_community_id_index\` on \`webhook\` (\`community_id\`);`);
    this.addSql(`create index \`webhook_created_by_id_index\` on \`webhook\` (\`created_by_id\`);`);
    this.addSql(`pragma foreign_keys = on;`);

    this.addSql(`pragma foreign_keys = off;`);
    this.addSql(`create table \`webhook_delivery__temp_alter\` (\`attempts\` integer not null default 0, \`body\` text not null, \`claimed_by\` text null, \`claimed_until\` datetime null, \`community_id\` text not null, \`created_at\` datetime not null, \`delivered_at\` datetime null, \`due_at\` datetime not null, \`event\` text check (\`event\` in ('thread.created', 'reply.created', 'status.changed', 'member.flagged', 'consent.changed', 'member.erased', 'changelog.published', 'ask.published', 'ask.answered')) not null, \`id\` text not null primary key, \`last_error\` text null, \`last_status_code\` integer null, \`status\` text check (\`status\` in ('PENDING', 'DELIVERED', 'FAILED')) not null default 'PENDING', \`webhook_id\` text not null, constraint \`webhook_delivery_community_id_foreign\` foreign key (\`community_id\`) references \`community\` (\`id\`), constraint \`webhook_delivery_webhook_id_foreign\` foreign key (\`webhook_id\`) references \`webhook\` (\`id\`) on delete cascade);`);
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
