import { Migration } from '@mikro-orm/migrations';

export class Migration20261123154135_handover extends Migration {

  override name = 'Migration20261123154135_handover';

  override up(): void | Promise<void> {
    this.addSql(`create table \`handover\` (\`id\` text not null primary key, \`community_id\` text not null, \`from_staff_id\` text not null, \`to_staff_id\` text not null, \`by_staff_id\` text null, \`reason\` text check (\`reason\` in ('DEACTIVATION', 'AGENCY_ENDED')) not null, \`thread_ids\` json not null, \`followed_thread_ids\` json not null, \`member_ids\` json not null, \`brief\` json not null, \`created_at\` datetime not null, constraint \`handover_community_id_foreign\` foreign key (\`community_id\`) references \`community\` (\`id\`), constraint \`handover_from_staff_id_foreign\` foreign key (\`from_staff_id\`) references \`staff_member\` (\`id\`), constraint \`handover_to_staff_id_foreign\` foreign key (\`to_staff_id\`) references \`staff_member\` (\`id\`), constraint \`handover_by_staff_id_foreign\` foreign key (\`by_staff_id\`) references \`staff_member\` (\`id\`) on delete set null);`);
    this.addSql(`create index \`handover_community_id_index\` on \`handover\` (\`community_id\`);`);
    this.addSql(`create index \`handover_by_staff_id_index\` on \`handover\` (\`by_staff_id\`);`);
    this.addSql(`create index \`handover_community_id_created_at_index\` on \`handover\` (\`community_id\`, \`created_at\`);`);
    this.addSql(`create index \`handover_to_staff_id_index\` on \`handover\` (\`to_staff_id\`);`);
    this.addSql(`create index \`handover_from_staff_id_index\` on \`handover\` (\`from_staff_id\`);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists \`handover\`;`);
  }

}
