import { Migration } from '@mikro-orm/migrations';

export class Migration20261123160519_cleanup extends Migration {

  override name = 'Migration20261123160519_cleanup';

  override up(): void | Promise<void> {
    this.addSql(`create table \`cleanup\` (\`id\` text not null primary key, \`community_id\` text not null, \`rule\` text check (\`rule\` in ('INACTIVE_WITHOUT_CONSENT', 'UNSUBSCRIBED', 'BOUNCED')) not null, \`inactive_days\` integer null, \`member_ids\` json not null, \`by_staff_id\` text null, \`due_at\` datetime not null, \`undone_at\` datetime null, \`created_at\` datetime not null, constraint \`cleanup_community_id_foreign\` foreign key (\`community_id\`) references \`community\` (\`id\`), constraint \`cleanup_by_staff_id_foreign\` foreign key (\`by_staff_id\`) references \`staff_member\` (\`id\`) on delete set null);`);
    this.addSql(`create index \`cleanup_community_id_index\` on \`cleanup\` (\`community_id\`);`);
    this.addSql(`create index \`cleanup_by_staff_id_index\` on \`cleanup\` (\`by_staff_id\`);`);
    this.addSql(`create index \`cleanup_community_id_created_at_index\` on \`cleanup\` (\`community_id\`, \`created_at\`);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists \`cleanup\`;`);
  }

}
