// Written by scripts/migration-index.ts from the files beside it: do not edit.
import { Migration20261123093029_initial as sqlite_Migration20261123093029_initial } from './sqlite/Migration20261123093029_initial.ts';
import { Migration20261123103513_edit_delete as sqlite_Migration20261123103513_edit_delete } from './sqlite/Migration20261123103513_edit_delete.ts';
import { Migration20261123110135_admin_console as sqlite_Migration20261123110135_admin_console } from './sqlite/Migration20261123110135_admin_console.ts';
import { Migration20261123120658_ranking as sqlite_Migration20261123120658_ranking } from './sqlite/Migration20261123120658_ranking.ts';
import { Migration20261123153217_consent_outbox_notifications as sqlite_Migration20261123153217_consent_outbox_notifications } from './sqlite/Migration20261123153217_consent_outbox_notifications.ts';
import { Migration20261123154135_handover as sqlite_Migration20261123154135_handover } from './sqlite/Migration20261123154135_handover.ts';
import { Migration20261123155102_webhooks as sqlite_Migration20261123155102_webhooks } from './sqlite/Migration20261123155102_webhooks.ts';
import { Migration20261123160002_member_deletion as sqlite_Migration20261123160002_member_deletion } from './sqlite/Migration20261123160002_member_deletion.ts';
import { Migration20261123160519_cleanup as sqlite_Migration20261123160519_cleanup } from './sqlite/Migration20261123160519_cleanup.ts';
import { Migration20261123182547_email_bounce as sqlite_Migration20261123182547_email_bounce } from './sqlite/Migration20261123182547_email_bounce.ts';
import { Migration20261123214846_idempotency_keys as sqlite_Migration20261123214846_idempotency_keys } from './sqlite/Migration20261123214846_idempotency_keys.ts';
import { Migration20261204181658_work_queue_claims as sqlite_Migration20261204181658_work_queue_claims } from './sqlite/Migration20261204181658_work_queue_claims.ts';
import { Migration20261204185041_close_the_loop as sqlite_Migration20261204185041_close_the_loop } from './sqlite/Migration20261204185041_close_the_loop.ts';
import { Migration20261204185100_backfill_notifications as sqlite_Migration20261204185100_backfill_notifications } from './sqlite/Migration20261204185100_backfill_notifications.ts';
import { Migration20261204202839_thread_withdrawn as sqlite_Migration20261204202839_thread_withdrawn } from './sqlite/Migration20261204202839_thread_withdrawn.ts';
import { Migration20261204205349_member_guest_origin as sqlite_Migration20261204205349_member_guest_origin } from './sqlite/Migration20261204205349_member_guest_origin.ts';
import { Migration20261204210636_audit_actor_member as sqlite_Migration20261204210636_audit_actor_member } from './sqlite/Migration20261204210636_audit_actor_member.ts';
import { Migration20261204212932_member_share_address as sqlite_Migration20261204212932_member_share_address } from './sqlite/Migration20261204212932_member_share_address.ts';
import { Migration20261204221715_sentiment_language as sqlite_Migration20261204221715_sentiment_language } from './sqlite/Migration20261204221715_sentiment_language.ts';
import { Migration20261204221904_locale as sqlite_Migration20261204221904_locale } from './sqlite/Migration20261204221904_locale.ts';
import { Migration20261205040000_full_text_search as sqlite_Migration20261205040000_full_text_search } from './sqlite/Migration20261205040000_full_text_search.ts';
import { Migration20261205212219_member_attributes_api_keys as sqlite_Migration20261205212219_member_attributes_api_keys } from './sqlite/Migration20261205212219_member_attributes_api_keys.ts';
import { Migration20261205213852_segments as sqlite_Migration20261205213852_segments } from './sqlite/Migration20261205213852_segments.ts';
import { Migration20261205220000_search_thread_index as sqlite_Migration20261205220000_search_thread_index } from './sqlite/Migration20261205220000_search_thread_index.ts';
import { Migration20261206004505_asks as sqlite_Migration20261206004505_asks } from './sqlite/Migration20261206004505_asks.ts';
import { Migration20261206011526_alerts as sqlite_Migration20261206011526_alerts } from './sqlite/Migration20261206011526_alerts.ts';
import { Migration20261206165959_thread_top_order as sqlite_Migration20261206165959_thread_top_order } from './sqlite/Migration20261206165959_thread_top_order.ts';
import { Migration20261207090000_search_stems as sqlite_Migration20261207090000_search_stems } from './sqlite/Migration20261207090000_search_stems.ts';
import { Migration20261207170000_search_text_unused_index as sqlite_Migration20261207170000_search_text_unused_index } from './sqlite/Migration20261207170000_search_text_unused_index.ts';
import { Migration20261123093029_initial as postgresql_Migration20261123093029_initial } from './postgresql/Migration20261123093029_initial.ts';
import { Migration20261123103513_edit_delete as postgresql_Migration20261123103513_edit_delete } from './postgresql/Migration20261123103513_edit_delete.ts';
import { Migration20261123110135_admin_console as postgresql_Migration20261123110135_admin_console } from './postgresql/Migration20261123110135_admin_console.ts';
import { Migration20261123120658_ranking as postgresql_Migration20261123120658_ranking } from './postgresql/Migration20261123120658_ranking.ts';
import { Migration20261123151428_drop_member_score_community_fk as postgresql_Migration20261123151428_drop_member_score_community_fk } from './postgresql/Migration20261123151428_drop_member_score_community_fk.ts';
import { Migration20261123153218_consent_outbox_notifications as postgresql_Migration20261123153218_consent_outbox_notifications } from './postgresql/Migration20261123153218_consent_outbox_notifications.ts';
import { Migration20261123154135_handover as postgresql_Migration20261123154135_handover } from './postgresql/Migration20261123154135_handover.ts';
import { Migration20261123155103_webhooks as postgresql_Migration20261123155103_webhooks } from './postgresql/Migration20261123155103_webhooks.ts';
import { Migration20261123160003_member_deletion as postgresql_Migration20261123160003_member_deletion } from './postgresql/Migration20261123160003_member_deletion.ts';
import { Migration20261123160520_cleanup as postgresql_Migration20261123160520_cleanup } from './postgresql/Migration20261123160520_cleanup.ts';
import { Migration20261123182548_email_bounce as postgresql_Migration20261123182548_email_bounce } from './postgresql/Migration20261123182548_email_bounce.ts';
import { Migration20261123214847_idempotency_keys as postgresql_Migration20261123214847_idempotency_keys } from './postgresql/Migration20261123214847_idempotency_keys.ts';
import { Migration20261204181658_work_queue_claims as postgresql_Migration20261204181658_work_queue_claims } from './postgresql/Migration20261204181658_work_queue_claims.ts';
import { Migration20261204185041_close_the_loop as postgresql_Migration20261204185041_close_the_loop } from './postgresql/Migration20261204185041_close_the_loop.ts';
import { Migration20261204185100_backfill_notifications as postgresql_Migration20261204185100_backfill_notifications } from './postgresql/Migration20261204185100_backfill_notifications.ts';
import { Migration20261204202840_thread_withdrawn as postgresql_Migration20261204202840_thread_withdrawn } from './postgresql/Migration20261204202840_thread_withdrawn.ts';
import { Migration20261204205350_member_guest_origin as postgresql_Migration20261204205350_member_guest_origin } from './postgresql/Migration20261204205350_member_guest_origin.ts';
import { Migration20261204210637_audit_actor_member as postgresql_Migration20261204210637_audit_actor_member } from './postgresql/Migration20261204210637_audit_actor_member.ts';
import { Migration20261204212932_member_share_address as postgresql_Migration20261204212932_member_share_address } from './postgresql/Migration20261204212932_member_share_address.ts';
import { Migration20261204221715_sentiment_language as postgresql_Migration20261204221715_sentiment_language } from './postgresql/Migration20261204221715_sentiment_language.ts';
import { Migration20261204221905_locale as postgresql_Migration20261204221905_locale } from './postgresql/Migration20261204221905_locale.ts';
import { Migration20261205040000_full_text_search as postgresql_Migration20261205040000_full_text_search } from './postgresql/Migration20261205040000_full_text_search.ts';
import { Migration20261205212220_member_attributes_api_keys as postgresql_Migration20261205212220_member_attributes_api_keys } from './postgresql/Migration20261205212220_member_attributes_api_keys.ts';
import { Migration20261205213853_segments as postgresql_Migration20261205213853_segments } from './postgresql/Migration20261205213853_segments.ts';
import { Migration20261205220000_search_thread_index as postgresql_Migration20261205220000_search_thread_index } from './postgresql/Migration20261205220000_search_thread_index.ts';
import { Migration20261206004506_asks as postgresql_Migration20261206004506_asks } from './postgresql/Migration20261206004506_asks.ts';
import { Migration20261206011527_alerts as postgresql_Migration20261206011527_alerts } from './postgresql/Migration20261206011527_alerts.ts';
import { Migration20261206170000_thread_top_order as postgresql_Migration20261206170000_thread_top_order } from './postgresql/Migration20261206170000_thread_top_order.ts';
import { Migration20261207170000_search_text_unused_index as postgresql_Migration20261207170000_search_text_unused_index } from './postgresql/Migration20261207170000_search_text_unused_index.ts';

/** Every checked-in migration of each dialect, oldest first. */
export const migrations = {
  sqlite: [
    sqlite_Migration20261123093029_initial,
    sqlite_Migration20261123103513_edit_delete,
    sqlite_Migration20261123110135_admin_console,
    sqlite_Migration20261123120658_ranking,
    sqlite_Migration20261123153217_consent_outbox_notifications,
    sqlite_Migration20261123154135_handover,
    sqlite_Migration20261123155102_webhooks,
    sqlite_Migration20261123160002_member_deletion,
    sqlite_Migration20261123160519_cleanup,
    sqlite_Migration20261123182547_email_bounce,
    sqlite_Migration20261123214846_idempotency_keys,
    sqlite_Migration20261204181658_work_queue_claims,
    sqlite_Migration20261204185041_close_the_loop,
    sqlite_Migration20261204185100_backfill_notifications,
    sqlite_Migration20261204202839_thread_withdrawn,
    sqlite_Migration20261204205349_member_guest_origin,
    sqlite_Migration20261204210636_audit_actor_member,
    sqlite_Migration20261204212932_member_share_address,
    sqlite_Migration20261204221715_sentiment_language,
    sqlite_Migration20261204221904_locale,
    sqlite_Migration20261205040000_full_text_search,
    sqlite_Migration20261205212219_member_attributes_api_keys,
    sqlite_Migration20261205213852_segments,
    sqlite_Migration20261205220000_search_thread_index,
    sqlite_Migration20261206004505_asks,
    sqlite_Migration20261206011526_alerts,
    sqlite_Migration20261206165959_thread_top_order,
    sqlite_Migration20261207090000_search_stems,
    sqlite_Migration20261207170000_search_text_unused_index,
  ],
  postgresql: [
    postgresql_Migration20261123093029_initial,
    postgresql_Migration20261123103513_edit_delete,
    postgresql_Migration20261123110135_admin_console,
    postgresql_Migration20261123120658_ranking,
    postgresql_Migration20261123151428_drop_member_score_community_fk,
    postgresql_Migration20261123153218_consent_outbox_notifications,
    postgresql_Migration20261123154135_handover,
    postgresql_Migration20261123155103_webhooks,
    postgresql_Migration20261123160003_member_deletion,
    postgresql_Migration20261123160520_cleanup,
    postgresql_Migration20261123182548_email_bounce,
    postgresql_Migration20261123214847_idempotency_keys,
    postgresql_Migration20261204181658_work_queue_claims,
    postgresql_Migration20261204185041_close_the_loop,
    postgresql_Migration20261204185100_backfill_notifications,
    postgresql_Migration20261204202840_thread_withdrawn,
    postgresql_Migration20261204205350_member_guest_origin,
    postgresql_Migration20261204210637_audit_actor_member,
    postgresql_Migration20261204212932_member_share_address,
    postgresql_Migration20261204221715_sentiment_language,
    postgresql_Migration20261204221905_locale,
    postgresql_Migration20261205040000_full_text_search,
    postgresql_Migration20261205212220_member_attributes_api_keys,
    postgresql_Migration20261205213853_segments,
    postgresql_Migration20261205220000_search_thread_index,
    postgresql_Migration20261206004506_asks,
    postgresql_Migration20261206011527_alerts,
    postgresql_Migration20261206170000_thread_top_order,
    postgresql_Migration20261207170000_search_text_unused_index,
  ],
};
