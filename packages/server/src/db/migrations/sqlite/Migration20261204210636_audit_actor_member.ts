import { Migration } from '@mikro-orm/migrations';

export class Migration20261204210636_audit_actor_member extends Migration {

  override name = 'Migration20261204210636_audit_actor_member';

  override up(): void | Promise<void> {
    this.addSql(`alter table \`audit_log\` add column \`actor_member_id\` text null constraint \`audit_log_actor_member_id_foreign\` references \`member\` (\`id\`) on delete set null;`);
    this.addSql(`create index \`audit_log_actor_member_id_index\` on \`audit_log\` (\`actor_member_id\`);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index \`audit_log_actor_member_id_index\`;`);
    this.addSql(`alter table \`audit_log\` drop column \`actor_member_id\`;`);
  }

}
