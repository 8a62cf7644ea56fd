import { Migration } from '@mikro-orm/migrations';

/** Segments: groups of customers saved as rules (services/segments). */
export class Migration20261205213852_segments extends Migration {

  override name = 'Migration20261205213852_segments';

  override up(): void | Promise<void> {
    this.addSql(`create table \`segment\` (\`id\` text not null primary key, \`community_id\` text not null, \`name\` text not null, \`rules\` json not null, \`created_by_id\` text null, \`created_at\` datetime not null, \`updated_at\` datetime not null, constraint \`segment_community_id_foreign\` foreign key (\`community_id\`) references \`community\` (\`id\`), constraint \`segment_created_by_id_foreign\` foreign key (\`created_by_id\`) references \`staff_member\` (\`id\`) on delete set null);`);
    this.addSql(`create index \`segment_community_id_index\` on \`segment\` (\`community_id\`);`);
    this.addSql(`create index \`segment_created_by_id_index\` on \`segment\` (\`created_by_id\`);`);
    this.addSql(`create index \`segment_community_id_name_index\` on \`segment\` (\`community_id\`, \`name\`);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists \`segment\`;`);
  }

}
