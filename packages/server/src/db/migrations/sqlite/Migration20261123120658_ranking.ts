import { Migration } from '@mikro-orm/migrations';

export class Migration20261123120658_ranking extends Migration {

  override name = 'Migration20261123120658_ranking';

  override up(): void | Promise<void> {
    this.addSql(`create table \`member_score\` (\`member_id\` text not null primary key, \`community_id\` text not null, \`love\` double not null default 0, \`reach\` double not null default 0, \`sentiment_sum\` double not null default 0, \`sentiment_weight\` double not null default 0, \`text_count\` integer not null default 0, \`score\` double not null default 0, \`updated_at\` datetime not null, constraint \`member_score_member_id_foreign\` foreign key (\`member_id\`) references \`member\` (\`id\`) on update cascade on delete cascade, constraint \`member_score_community_id_foreign\` foreign key (\`community_id\`) references \`community\` (\`id\`));`);
    this.addSql(`create index \`member_score_member_id_index\` on \`member_score\` (\`member_id\`);`);
    this.addSql(`create index \`member_score_community_id_index\` on \`member_score\` (\`community_id\`);`);
    this.addSql(`create index \`member_score_community_id_score_index\` on \`member_score\` (\`community_id\`, \`score\`);`);
    this.addSql(`create index \`member_score_community_id_reach_index\` on \`member_score\` (\`community_id\`, \`reach\`);`);

    this.addSql(`alter table \`member\` add column \`referral_code\` text null;`);
    this.addSql(`create unique index \`member_community_id_referral_code_unique\` on \`member\` (\`community_id\`, \`referral_code\`);`);

    this.addSql(`alter table \`reply\` add column \`helpful_at\` datetime null;`);
    this.addSql(`alter table \`reply\` add column \`helpful_by_id\` text null constraint \`reply_helpful_by_id_foreign\` references \`staff_member\` (\`id\`) on delete set null;`);
    this.addSql(`create index \`reply_helpful_by_id_index\` on \`reply\` (\`helpful_by_id\`);`);

    this.addSql(`drop index \`activity_community_id_created_at_index\`;`);
    this.addSql(`create index \`activity_community_id_created_at_id_index\` on \`activity\` (\`community_id\`, \`created_at\`, \`id\`);`);
    this.addSql(`create index \`activity_thread_id_actor_member_id_type_index\` on \`activity\` (\`thread_id\`, \`actor_member_id\`, \`type\`);`);
    this.addSql(`create index \`activity_subject_member_id_type_created_at_index\` on \`activity\` (\`subject_member_id\`, \`type\`, \`created_at\`);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists \`member_score\`;`);

    this.addSql(`drop index \`activity_community_id_created_at_id_index\`;`);
    this.addSql(`drop index \`activity_thread_id_actor_member_id_type_index\`;`);
    this.addSql(`drop index \`activity_subject_member_id_type_created_at_index\`;`);
    this.addSql(`create index \`activity_community_id_created_at_index\` on \`activity\` (\`community_id\`, \`created_at\`);`);

    this.addSql(`drop index \`member_community_id_referral_code_unique\`;`);
    this.addSql(`alter table \`member\` drop column \`referral_code\`;`);

    this.addSql(`drop index \`reply_helpful_by_id_index\`;`);
    this.addSql(`alter table \`reply\` drop column \`helpful_at\`;`);
    this.addSql(`alter table \`reply\` drop column \`helpful_by_id\`;`);
  }

}
