import { Migration } from '@mikro-orm/migrations';

export class Migration20261123110135_admin_console extends Migration {

  override name = 'Migration20261123110135_admin_console';

  override up(): void | Promise<void> {
    this.addSql(`create table \`report\` (\`id\` text not null primary key, \`community_id\` text not null, \`thread_id\` text not null, \`reply_id\` text null, \`reporter_id\` text not null, \`reason\` text not null, \`created_at\` datetime not null, \`resolved_at\` datetime null, \`resolved_by_id\` text null, \`resolution\` text check (\`resolution\` in ('HIDDEN', 'DISMISSED')) null, constraint \`report_community_id_foreign\` foreign key (\`community_id\`) references \`community\` (\`id\`), constraint \`report_thread_id_foreign\` foreign key (\`thread_id\`) references \`thread\` (\`id\`), constraint \`report_reply_id_foreign\` foreign key (\`reply_id\`) references \`reply\` (\`id\`) on delete set null, constraint \`report_reporter_id_foreign\` foreign key (\`reporter_id\`) references \`member\` (\`id\`), constraint \`report_resolved_by_id_foreign\` foreign key (\`resolved_by_id\`) references \`staff_member\` (\`id\`) on delete set null);`);
    this.addSql(`create index \`report_community_id_index\` on \`report\` (\`community_id\`);`);
    this.addSql(`create index \`report_reply_id_index\` on \`report\` (\`reply_id\`);`);
    this.addSql(`create index \`report_reporter_id_index\` on \`report\` (\`reporter_id\`);`);
    this.addSql(`create index \`report_resolved_by_id_index\` on \`report\` (\`resolved_by_id\`);`);
    this.addSql(`create index \`report_community_id_resolved_at_created_at_index\` on \`report\` (\`community_id\`, \`resolved_at\`, \`created_at\`);`);
    this.addSql(`create index \`report_thread_id_index\` on \`report\` (\`thread_id\`);`);
    this.addSql(`create unique index \`report_reporter_id_thread_id_reply_id_unique\` on \`report\` (\`reporter_id\`, \`thread_id\`, \`reply_id\`);`);

    this.addSql(`create table \`mention\` (\`id\` text not null primary key, \`community_id\` text not null, \`thread_id\` text not null, \`reply_id\` text not null, \`staff_id\` text not null, \`created_at\` datetime not null, constraint \`mention_community_id_foreign\` foreign key (\`community_id\`) references \`community\` (\`id\`), constraint \`mention_thread_id_foreign\` foreign key (\`thread_id\`) references \`thread\` (\`id\`), constraint \`mention_reply_id_foreign\` foreign key (\`reply_id\`) references \`reply\` (\`id\`), constraint \`mention_staff_id_foreign\` foreign key (\`staff_id\`) references \`staff_member\` (\`id\`));`);
    this.addSql(`create index \`mention_community_id_index\` on \`mention\` (\`community_id\`);`);
    this.addSql(`create index \`mention_thread_id_index\` on \`mention\` (\`thread_id\`);`);
    this.addSql(`create index \`mention_reply_id_index\` on \`mention\` (\`reply_id\`);`);
    this.addSql(`create index \`mention_staff_id_index\` on \`mention\` (\`staff_id\`);`);
    this.addSql(`create index \`mention_staff_id_created_at_index\` on \`mention\` (\`staff_id\`, \`created_at\`);`);
    this.addSql(`create unique index \`mention_reply_id_staff_id_unique\` on \`mention\` (\`reply_id\`, \`staff_id\`);`);

    this.addSql(`alter table \`staff_member\` add column \`password_token_hash\` text null;`);
    this.addSql(`alter table \`staff_member\` add column \`password_token_expires_at\` datetime null;`);
    this.addSql(`create unique index \`staff_member_password_token_hash_unique\` on \`staff_member\` (\`password_token_hash\`);`);

    this.addSql(`alter table \`member\` add column \`suspended_reason\` text null;`);
    this.addSql(`alter table \`member\` add column \`thread_count\` integer not null default 0;`);
    this.addSql(`alter table \`member\` add column \`reply_count\` integer not null default 0;`);
    this.addSql(`alter table \`member\` add column \`vote_count\` integer not null default 0;`);

    this.addSql(`alter table \`thread\` add column \`waiting_since\` datetime null;`);
    this.addSql(`alter table \`thread\` add column \`assignee_id\` text null constraint \`thread_assignee_id_foreign\` references \`staff_member\` (\`id\`) on delete set null;`);
    this.addSql(`alter table \`thread\` add column \`hidden_reason\` text null;`);
    this.addSql(`create index \`thread_community_id_waiting_since_index\` on \`thread\` (\`community_id\`, \`waiting_since\`);`);
    this.addSql(`create index \`thread_assignee_id_index\` on \`thread\` (\`assignee_id\`);`);

    this.addSql(`alter table \`reply\` add column \`hidden_reason\` text null;`);

    // Existing data: counters from the rows they count, and customers already waiting.
    this.addSql(`update member set thread_count = (select count(*) from thread where thread.author_member_id = member.id and thread.deleted_at is null), reply_count = (select count(*) from reply where reply.author_member_id = member.id and reply.deleted_at is null), vote_count = (select count(*) from vote where vote.member_id = member.id);`);
    this.addSql(`update thread set waiting_since = created_at where first_staff_reply_at is null and author_member_id is not null and deleted_at is null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists \`report\`;`);
    this.addSql(`drop table if exists \`mention\`;`);

    this.addSql(`alter table \`member\` drop column \`suspended_reason\`;`);
    this.addSql(`alter table \`member\` drop column \`thread_count\`;`);
    this.addSql(`alter table \`member\` drop column \`reply_count\`;`);
    this.addSql(`alter table \`member\` drop column \`vote_count\`;`);

    this.addSql(`alter table \`reply\` drop column \`hidden_reason\`;`);

    this.addSql(`drop index \`staff_member_password_token_hash_unique\`;`);
    this.addSql(`alter table \`staff_member\` drop column \`password_token_hash\`;`);
    this.addSql(`alter table \`staff_member\` drop column \`password_token_expires_at\`;`);

    this.addSql(`drop index \`thread_community_id_waiting_since_index\`;`);
    this.addSql(`drop index \`thread_assignee_id_index\`;`);
    this.addSql(`alter table \`thread\` drop column \`waiting_since\`;`);
    this.addSql(`alter table \`thread\` drop column \`assignee_id\`;`);
    this.addSql(`alter table \`thread\` drop column \`hidden_reason\`;`);
  }

}
