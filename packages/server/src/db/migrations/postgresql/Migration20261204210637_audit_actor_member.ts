import { Migration } from '@mikro-orm/migrations';

export class Migration20261204210637_audit_actor_member extends Migration {

  override name = 'Migration20261204210637_audit_actor_member';

  override up(): void | Promise<void> {
    this.addSql(`alter table "audit_log" add "actor_member_id" uuid null;`);
    this.addSql(`alter table "audit_log" add constraint "audit_log_actor_member_id_foreign" foreign key ("actor_member_id") references "member" ("id") on delete set null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "audit_log" drop constraint "audit_log_actor_member_id_foreign";`);

    this.addSql(`alter table "audit_log" drop column "actor_member_id";`);
  }

}
