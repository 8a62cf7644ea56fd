import { Migration } from '@mikro-orm/migrations';
import { backfillNotifications } from '../backfill/notifications.ts';

export class Migration20261204185100_backfill_notifications extends Migration {
  override name = 'Migration20261204185100_backfill_notifications';

  override async up(): Promise<void> {
    await backfillNotifications((sql, params) => this.execute(sql, params));
  }

  override async down(): Promise<void> {
    await this.execute("delete from notification where dedupe_key like 'activity:%'");
  }
}
