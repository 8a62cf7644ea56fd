import { AdminAgencyEnd } from './components/admin-agency-end.ts';
import { AdminAmbassadors } from './components/admin-ambassadors.ts';
import { AdminApiKeys } from './components/admin-api-keys.ts';
import { AdminAsk } from './components/admin-ask.ts';
import { AdminAskForm } from './components/admin-ask-form.ts';
import { AdminAsks } from './components/admin-asks.ts';
import { AdminAudit } from './components/admin-audit.ts';
import { AdminBarChart } from './components/admin-bar-chart.ts';
import { AdminChangelog } from './components/admin-changelog.ts';
import { AdminChangelogEntry } from './components/admin-changelog-entry.ts';
import { AdminChart } from './components/admin-chart.ts';
import { AdminCleanup } from './components/admin-cleanup.ts';
import { AdminConsentRecord } from './components/admin-consent-record.ts';
import { AdminCustomerPanel } from './components/admin-customer-panel.ts';
import { AdminDemand } from './components/admin-demand.ts';
import { AdminHandovers } from './components/admin-handovers.ts';
import { AdminInbox } from './components/admin-inbox.ts';
import { AdminMembers } from './components/admin-members.ts';
import { AdminMergeForm } from './components/admin-merge-form.ts';
import { AdminModeration } from './components/admin-moderation.ts';
import { AdminOutreach } from './components/admin-outreach.ts';
import { AdminOwnReply } from './components/admin-own-reply.ts';
import { AdminProfile } from './components/admin-profile.ts';
import { AdminPulse } from './components/admin-pulse.ts';
import { AdminReasonAction } from './components/admin-reason-action.ts';
import { AdminReplyForm } from './components/admin-reply-form.ts';
import { AdminScoreBreakdown } from './components/admin-score-breakdown.ts';
import { AdminSegmentForm } from './components/admin-segment-form.ts';
import { AdminSegments } from './components/admin-segments.ts';
import { AdminSettings } from './components/admin-settings.ts';
import { AdminStaff } from './components/admin-staff.ts';
import { AdminStaffMember } from './components/admin-staff-member.ts';
import { AdminThemeEditor } from './components/admin-theme-editor.ts';
import { AdminThread } from './components/admin-thread.ts';
import { AdminThreadActions } from './components/admin-thread-actions.ts';
import { AdminWebhooks } from './components/admin-webhooks.ts';
import { RapportAdmin } from './components/rapport-admin.ts';
import { AdminSetPassword } from './components/set-password.ts';
import { AdminSignIn } from './components/sign-in.ts';

/** Every element of the console; defining them twice (two copies of the script) is harmless. */
const elements: Record<string, CustomElementConstructor> = {
  'rapport-admin': RapportAdmin,
  'admin-sign-in': AdminSignIn,
  'admin-set-password': AdminSetPassword,
  'admin-inbox': AdminInbox,
  'admin-thread': AdminThread,
  'admin-thread-actions': AdminThreadActions,
  'admin-merge-form': AdminMergeForm,
  'admin-reply-form': AdminReplyForm,
  'admin-own-reply': AdminOwnReply,
  'admin-reason-action': AdminReasonAction,
  'admin-customer-panel': AdminCustomerPanel,
  'admin-members': AdminMembers,
  'admin-moderation': AdminModeration,
  'admin-staff': AdminStaff,
  'admin-staff-member': AdminStaffMember,
  'admin-agency-end': AdminAgencyEnd,
  'admin-handovers': AdminHandovers,
  'admin-webhooks': AdminWebhooks,
  'admin-api-keys': AdminApiKeys,
  'admin-demand': AdminDemand,
  'admin-segments': AdminSegments,
  'admin-segment-form': AdminSegmentForm,
  'admin-cleanup': AdminCleanup,
  'admin-consent-record': AdminConsentRecord,
  'admin-settings': AdminSettings,
  'admin-theme-editor': AdminThemeEditor,
  'admin-audit': AdminAudit,
  'admin-ambassadors': AdminAmbassadors,
  'admin-score-breakdown': AdminScoreBreakdown,
  'admin-pulse': AdminPulse,
  'admin-chart': AdminChart,
  'admin-bar-chart': AdminBarChart,
  'admin-asks': AdminAsks,
  'admin-ask': AdminAsk,
  'admin-ask-form': AdminAskForm,
  'admin-profile': AdminProfile,
  'admin-changelog': AdminChangelog,
  'admin-changelog-entry': AdminChangelogEntry,
  'admin-outreach': AdminOutreach,
};

for (const [name, element] of Object.entries(elements)) {
  if (!customElements.get(name)) customElements.define(name, element);
}
