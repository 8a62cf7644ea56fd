import { Migration } from '@mikro-orm/migrations';

export class Migration20261123160002_member_deletion extends Migration {

  override name = 'Migration20261123160002_member_deletion';

  override up(): void | Promise<void> {
    this.addSql(`alter table \`member\` add column \`deletion_requested_at\` datetime null;`);
    this.addSql(`alter table \`member\` add column \`deletion_due_at\` datetime null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table \`member\` drop column \`deletion_requested_at\`;`);
    this.addSql(`alter table \`member\` drop column \`deletion_due_at\`;`);
  }

}
