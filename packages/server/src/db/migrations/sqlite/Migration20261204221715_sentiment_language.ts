import { Migration } from '@mikro-orm/migrations';

export class Migration20261204221715_sentiment_language extends Migration {

  override name = 'Migration20261204221715_sentiment_language';

  override up(): void | Promise<void> {
    this.addSql(`alter table \`thread\` add column \`sentiment_language\` text null;`);

    this.addSql(`alter table \`reply\` add column \`sentiment_language\` text null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table \`reply\` drop column \`sentiment_language\`;`);

    this.addSql(`alter table \`thread\` drop column \`sentiment_language\`;`);
  }

}
