import { Migration } from '@mikro-orm/migrations';

export class Migration20261123103513_edit_delete extends Migration {

  override name = 'Migration20261123103513_edit_delete';

  override up(): void | Promise<void> {
    this.addSql(`alter table \`thread\` add column \`edited_at\` datetime null;`);
    this.addSql(`alter table \`thread\` add column \`deleted_at\` datetime null;`);

    this.addSql(`alter table \`reply\` add column \`edited_at\` datetime null;`);
    this.addSql(`alter table \`reply\` add column \`deleted_at\` datetime null;`);

    this.addSql(`pragma foreign_keys = off;`);
    this.addSql(`create table \`activity__temp_alter\` (\`id\` text not null primary key, \`community_id\` text not null, \`type\` text not null, \`actor_member_id\` text null, \`actor_staff_id\` text null, \`subject_member_id\` text null, \`thread_id\` text null, \`reply_id\` text null, \`data\` json null, \`created_at\` datetime not null, constraint \`activity_community_id_foreign\` foreign key (\`community_id\`) references \`community\` (\`id\`), constraint \`activity_actor_member_id_foreign\` foreign key (\`actor_member_id\`) references \`member\` (\`id\`) on delete set null, constraint \`activity_actor_staff_id_foreign\` foreign key (\`actor_staff_id\`) references \`staff_member\` (\`id\`) on delete set null, constraint \`activity_subject_member_id_foreign\` foreign key (\`subject_member_id\`) references \`member\` (\`id\`) on delete set null, constraint \`activity_thread_id_foreign\` foreign key (\`thread_id\`) references \`thread\` (\`id\`) on delete set null, constraint \`activity_reply_id_foreign\` foreign key (\`reply_id\`) references \`reply\` (\`id\`) on delete set null);`);
    this.addSql(`insert into \`activity__temp_alter\` select \`id\`, \`community_id\`, \`type\`, \`actor_member_id\`, \`actor_staff_id\`, \`subject_member_id\`, \`thread_id\`, \`reply_id\`, \`data\`, \`created_at\` from \`activity\`;`);
    this.addSql(`drop table \`activity\`;`);
    this.addSql(`alter table \`activity__temp_alter\` rename to \`activity\`;`);
    this.addSql(`create index \`activity_community_id_index\` on \`activity\` (\`community_id\`);`);
    this.addSql(`create index \`activity_actor_member_id_index\` on \`activity\` (\`actor_member_id\`);`);
    this.addSql(`create index \`activity_actor_staff_id_index\` on \`activity\` (\`actor_staff_id\`);`);
    this.addSql(`create index \`activity_subject_member_id_index\` on \`activity\` (\`subject_member_id\`);`);
    this.addSql(`create index \`activity_reply_id_index\` on \`activity\` (\`reply_id\`);`);
    this.addSql(`create index \`activity_community_id_created_at_index\` on \`activity\` (\`community_id\`, \`created_at\`);`);
    this.addSql(`create index \`activity_actor_member_id_created_at_index\` on \`activity\` (\`actor_member_id\`, \`created_at\`);`);
    this.addSql(`create index \`activity_subject_member_id_created_at_index\` on \`activity\` (\`subject_member_id\`, \`created_at\`);`);
    this.addSql(`create index \`activity_thread_id_index\` on \`activity\` (\`thread_id\`);`);
    this.addSql(`pragma foreign_keys = on;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`pragma foreign_keys = off;`);
    this.addSql(`create table \`activity__temp_alter\` (\`actor_member_id\` text null, \`actor_staff_id\` text null, \`community_id\` text not null, \`created_at\` datetime not null, \`data\` json null, \`id\` text not null primary key, \`reply_id\` text null, \`subject_member_id\` text null, \`thread_id\` text null, \`type\` text check (\`type\` in ('MEMBER_JOINED', 'THREAD_POSTED', 'REPLY_POSTED', 'VOTE_ADDED', 'VOTE_REMOVED', 'FOLLOWED', 'UNFOLLOWED', 'STATUS_CHANGED')) not null, constraint \`activity_actor_member_id_foreign\` foreign key (\`actor_member_id\`) references \`member\` (\`id\`) on delete set null, constraint \`activity_actor_staff_id_foreign\` foreign key (\`actor_staff_id\`) references \`staff_member\` (\`id\`) on delete set null, constraint \`activity_community_id_foreign\` foreign key (\`community_id\`) references \`community\` (\`id\`), constraint \`activity_reply_id_foreign\` foreign key (\`reply_id\`) references \`reply\` (\`id\`) on delete set null, constraint \`activity_subject_member_id_foreign\` foreign key (\`subject_member_id\`) references \`member\` (\`id\`) on delete set null, constraint \`activity_thread_id_foreign\` foreign key (\`thread_id\`) references \`thread\` (\`id\`) on delete set null);`);
    this.addSql(`insert into \`activity__temp_alter\` select \`actor_member_id\`, \`actor_staff_id\`, \`community_id\`, \`created_at\`, \`data\`, \`id\`, \`reply_id\`, \`subject_member_id\`, \`thread_id\`, \`type\` from \`activity\`;`);
    this.addSql(`drop table \`activity\`;`);
    this.addSql(`alter table \`activity__temp_alter\` rename to \`activity\`;`);
    this.addSql(`create index \`activity_actor_member_id_created_at_index\` on \`activity\` (\`actor_member_id\`, \`created_at\`);`);
    this.addSql(`create index \`activity_actor_member_id_index\` on \`activity\` (\`actor_member_id\`);`);
    this.addSql(`create index \`activity_actor_staff_id_index\` on \`activity\` (\`actor_staff_id\`);`);
    this.addSql(`create index \`activity_community_id_created_at_index\` on \`activity\` (\`community_id\`, \`created_at\`);`);
    this.addSql(`create index \`activity_community_id_index\` on \`activity\` (\`community_id\`);`);
    this.addSql(`create index \`activity_reply_id_index\` on \`activity\` (\`reply_id\`);`);
    this.addSql(`create index \`activity_subject_member_id_created_at_index\` on \`activity\` (\`subject_member_id\`, \`created_at\`);`);
    this.addSql(`create index \`activity_subject_member_id_index\` on \`activity\` (\`subject_member_id\`);`);
    this.addSql(`create index \`activity_thread_id_index\` on \`activity\` (\`thread_id\`);`);
    this.addSql(`pragma foreign_keys = on;`);

    this.addSql(`alter table \`reply\` drop column \`edited_at\`;`);
    this.addSql(`alter table \`reply\` drop column \`deleted_at\`;`);

    this.addSql(`alter table \`thread\` drop column \`edited_at\`;`);
    this.addSql(`alter table \`thread\` drop column \`deleted_at\`;`);
  }

}
