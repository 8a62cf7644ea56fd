import { Migration } from '@mikro-orm/migrations';

export class Migration20261123214846_idempotency_keys extends Migration {

  override name = 'Migration20261123214846_idempotency_keys';

  override up(): void | Promise<void> {
    this.addSql(`create table \`idempotency_key\` (\`id\` text not null primary key, \`community_id\` text not null, \`actor_id\` text not null, \`key\` text not null, \`operation\` text not null, \`fingerprint\` text not null, \`result_id\` text not null, \`created_at\` datetime not null, constraint \`idempotency_key_community_id_foreign\` foreign key (\`community_id\`) references \`community\` (\`id\`));`);
    this.addSql(`create index \`idempotency_key_community_id_index\` on \`idempotency_key\` (\`community_id\`);`);
    this.addSql(`create index \`idempotency_key_created_at_index\` on \`idempotency_key\` (\`created_at\`);`);
    this.addSql(`create unique index \`idempotency_key_community_id_actor_id_key_unique\` on \`idempotency_key\` (\`community_id\`, \`actor_id\`, \`key\`);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists \`idempotency_key\`;`);
  }

}
