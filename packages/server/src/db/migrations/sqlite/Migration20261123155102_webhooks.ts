import { Migration } from '@mikro-orm/migrations';

export class Migration20261123155102_webhooks extends Migration {

  override name = 'Migration20261123155102_webhooks';

  override up(): void | Promise<void> {
    this.addSql(`create table \`webhook\` (\`id\` text not null primary key, \`community_id\` text not null, \`url\` text not null, \`events\` json not null, \`secret\` text not null, \`active\` integer not null default true, \`created_by_id\` text null, \`created_at\` datetime not null, constraint \`webhook_community_id_foreign\` foreign key (\`community_id\`) references \`community\` (\`id\`), constraint \`webhook_created_by_id_foreign\` foreign key (\`created_by_id\`) references \`staff_member\` (\`id\`) on delete set null);`);
    this.addSql(`create index \`webhook_community_id_index\` on \`webhook\` (\`community_id\`);`);
    this.addSql(`create index \`webhook_created_by_id_index\` on \`webhook\` (\`created_by_id\`);`);
    this.addSql(`create index \`webhook_community_id_active_index\` on \`webhook\` (\`community_id\`, \`active\`);`);

    this.addSql(`create table \`webhook_delivery\` (\`id\` text not null primary key, \`community_id\` text not null, \`webhook_id\` text not null, \`event\` text check (\`event\` in ('thread.created', 'reply.created', 'status.changed', 'member.flagged', 'consent.changed', 'member.erased')) not null, \`body\` text not null, \`status\` text check (\`status\` in ('PENDING', 'DELIVERED', 'FAILED')) not null default 'PENDING', \`due_at\` datetime not null, \`claimed_until\` datetime null, \`attempts\` integer not null default 0, \`last_status_code\` integer null, \`last_error\` text null, \`delivered_at\` datetime null, \`created_at\` datetime not null, constraint \`webhook_delivery_community_id_foreign\` foreign key (\`community_id\`) references \`community\` (\`id\`), constraint \`webhook_delivery_webhook_id_foreign\` foreign key (\`webhook_id\`) references \`webhook\` (\`id\`) on delete cascade);`);
    this.addSql(`create index \`webhook_delivery_community_id_index\` on \`webhook_delivery\` (\`community_id\`);`);
    this.addSql(`create index \`webhook_delivery_webhook_id_index\` on \`webhook_delivery\` (\`webhook_id\`);`);
    this.addSql(`create index \`webhook_delivery_status_due_at_index\` on \`webhook_delivery\` (\`status\`, \`due_at\`);`);
    this.addSql(`create index \`webhook_delivery_webhook_id_created_at_index\` on \`webhook_delivery\` (\`webhook_id\`, \`created_at\`);`);
  }

  override down(): void | Promise<void> {

    this.addSql(`drop table if exists \`webhook\`;`);
    this.addSql(`drop table if exists \`webhook_delivery\`;`);
  }

}
