import { Migration } from '@mikro-orm/migrations';

export class Migration20261204202839_thread_withdrawn extends Migration {

  override name = 'Migration20261204202839_thread_withdrawn';

  override up(): void | Promise<void> {
    this.addSql(`alter table \`thread\` add column \`withdrawn_at\` datetime null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table \`thread\` drop column \`withdrawn_at\`;`);
  }

}
