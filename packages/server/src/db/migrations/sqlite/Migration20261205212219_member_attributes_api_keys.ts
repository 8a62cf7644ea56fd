import { Migration } from '@mikro-orm/migrations';

/** Community API keys (services/api-keys.ts) and what the brand says about each customer (core/member-attributes.ts). */
export class Migration20261205212219_member_attributes_api_keys extends Migration {

  override name = 'Migration20261205212219_member_attributes_api_keys';

  override up(): void | Promise<void> {
    this.addSql(`create table \`api_key\` (\`id\` text not null primary key, \`community_id\` text not null, \`name\` text not null, \`scopes\` json not null, \`key_hash\` text not null, \`key_start\` text not null, \`created_by_id\` text null, \`created_at\` datetime not null, \`last_used_at\` datetime null, \`revoked_at\` datetime null, \`revoked_by_id\` text null, constraint \`api_key_community_id_foreign\` foreign key (\`community_id\`) references \`community\` (\`id\`), constraint \`api_key_created_by_id_foreign\` foreign key (\`created_by_id\`) references \`staff_member\` (\`id\`) on delete set null, constraint \`api_key_revoked_by_id_foreign\` foreign key (\`revoked_by_id\`) references \`staff_member\` (\`id\`) on delete set null);`);
    this.addSql(`create index \`api_key_community_id_index\` on \`api_key\` (\`community_id\`);`);
    this.addSql(`create unique index \`api_key_key_hash_unique\` on \`api_key\` (\`key_hash\`);`);
    this.addSql(`create index \`api_key_created_by_id_index\` on \`api_key\` (\`created_by_id\`);`);
    this.addSql(`create index \`api_key_revoked_by_id_index\` on \`api_key\` (\`revoked_by_id\`);`);
    this.addSql(`create index \`api_key_community_id_created_at_index\` on \`api_key\` (\`community_id\`, \`created_at\`);`);

    this.addSql(`alter table \`member\` add column \`attributes\` json null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists \`api_key\`;`);

    this.addSql(`alter table \`member\` drop column \`attributes\`;`);
  }

}
