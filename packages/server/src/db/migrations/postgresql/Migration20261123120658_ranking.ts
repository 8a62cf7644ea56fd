import { Migration } from '@mikro-orm/migrations';

export class Migration20261123120658_ranking extends Migration {

  override name = 'Migration20261123120658_ranking';

  override up(): void | Promise<void> {
    this.addSql(`create table "member_score" ("member_id" uuid not null, "community_id" uuid not null, "love" double precision not null default 0, "reach" double precision not null default 0, "sentiment_sum" double precision not null default 0, "sentiment_weight" double precision not null default 0, "text_count" int not null default 0, "score" double precision not null default 0, "updated_at" timestamptz not null, primary key ("member_id"));`);
    this.addSql(`create index "member_score_community_id_score_index" on "member_score" ("community_id", "score");`);
    this.addSql(`create index "member_score_community_id_reach_index" on "member_score" ("community_id", "reach");`);

    this.addSql(`alter table "member" add "referral_code" varchar(16) null;`);
    this.addSql(`alter table "member" add constraint "member_community_id_referral_code_unique" unique ("community_id", "referral_code");`);

    this.addSql(`alter table "reply" add "helpful_at" timestamptz null, add "helpful_by_id" uuid null;`);
    this.addSql(`alter table "reply" add constraint "reply_helpful_by_id_foreign" foreign key ("helpful_by_id") references "staff_member" ("id") on delete set null;`);

    this.addSql(`drop index "activity_community_id_created_at_index";`);
    this.addSql(`create index "activity_community_id_created_at_id_index" on "activity" ("community_id", "created_at", "id");`);
    this.addSql(`create index "activity_thread_id_actor_member_id_type_index" on "activity" ("thread_id", "actor_member_id", "type");`);
    this.addSql(`create index "activity_subject_member_id_type_created_at_index" on "activity" ("subject_member_id", "type", "created_at");`);

    this.addSql(`alter table "member_score" add constraint "member_score_member_id_foreign" foreign key ("member_id") references "member" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "member_score" add constraint "member_score_community_id_foreign" foreign key ("community_id") references "community" ("id");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "member_score" cascade;`);

    this.addSql(`alter table "reply" drop constraint "reply_helpful_by_id_foreign";`);

    this.addSql(`drop index "activity_community_id_created_at_id_index";`);
    this.addSql(`drop index "activity_thread_id_actor_member_id_type_index";`);
    this.addSql(`drop index "activity_subject_member_id_type_created_at_index";`);
    this.addSql(`create index "activity_community_id_created_at_index" on "activity" ("community_id", "created_at");`);

    this.addSql(`alter table "member" drop constraint "member_community_id_referral_code_unique";`);
    this.addSql(`alter table "member" drop column "referral_code";`);

    this.addSql(`alter table "reply" drop column "helpful_at", drop column "helpful_by_id";`);
  }

}
