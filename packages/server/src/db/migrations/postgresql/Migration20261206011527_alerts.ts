import { Migration } from '@mikro-orm/migrations';

/** Alerts: webhooks formatted for Slack, Discord or Teams, their events, and one-time deliveries. */
export class Migration20261206011527_alerts extends Migration {

  override name = 'Migration20261206011527_alerts';

  override up(): void | Promise<void> {
    this.addSql(`alter table "webhook" add "format" text not null default 'JSON', add "vote_threshold" int null;`);
    this.addSql(`alter table "webhook" add constraint "webhook_format_check" check ("format" in ('JSON', 'SLACK', 'DISCORD', 'TEAMS'));`);

    this.addSql(`alter table "webhook_delivery" drop constraint "webhook_delivery_event_check";`);
    this.addSql(`alter table "webhook_delivery" add "dedupe_key" varchar(120) null;`);
    this.addSql(`create index "webhook_delivery_webhook_id_dedupe_key_index" on "webhook_delivery" ("webhook_id", "dedupe_key");`);
    this.addSql(`alter table "webhook_delivery" add constraint "webhook_delivery_event_check" check ("event" in ('thread.created', 'reply.created', 'status.changed', 'member.flagged', 'consent.changed', 'member.erased', 'changelog.published', 'ask.published', 'ask.answered', 'idea.created', 'ambassador.posted', 'critic.posted', 'idea.votes_passed', 'ask.closed'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "webhook" drop constraint "webhook_format_check";`);
    this.addSql(`alter table "webhook" drop column "format", drop column "vote_threshold";`);

    this.addSql(`drop index "webhook_delivery_webhook_id_dedupe_key_index";`);
    this.addSql(`alter table "webhook_delivery" drop constraint "webhook_delivery_event_check";`);
    this.addSql(`alter table "webhook_delivery" drop column "dedupe_key";`);
    this.addSql(`alter table "webhook_delivery" add constraint "webhook_delivery_event_check" check ("event" in ('thread.created', 'reply.created', 'status.changed', 'member.flagged', 'consent.changed', 'member.erased', 'changelog.published', 'ask.published', 'ask.answered'));`);
  }

}
