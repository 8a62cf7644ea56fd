import { Migration } from '@mikro-orm/migrations';

export class Migration20261123103513_edit_delete extends Migration {

  override name = 'Migration20261123103513_edit_delete';

  override up(): void | Promise<void> {
    this.addSql(`alter table "thread" add "edited_at" timestamptz null, add "deleted_at" timestamptz null;`);

    this.addSql(`alter table "reply" add "edited_at" timestamptz null, add "deleted_at" timestamptz null;`);

    this.addSql(`alter table "activity" drop constraint "activity_type_check";`);
    this.addSql(`alter table "activity" alter column "type" type varchar(32) using ("type"::varchar(32));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "activity" alter column "type" type text using ("type"::text);`);
    this.addSql(`alter table "activity" add constraint "activity_type_check" check ("type" in ('MEMBER_JOINED', 'THREAD_POSTED', 'REPLY_POSTED', 'VOTE_ADDED', 'VOTE_REMOVED', 'FOLLOWED', 'UNFOLLOWED', 'STATUS_CHANGED'));`);

    this.addSql(`alter table "reply" drop column "edited_at", drop column "deleted_at";`);

    this.addSql(`alter table "thread" drop column "edited_at", drop column "deleted_at";`);
  }

}
