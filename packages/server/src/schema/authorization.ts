/**
 * Who may do what: the authorization matrix, one row per root operation of the schema and per
 * field of a community that is not for everyone. It is the
 * source of AUTHORIZATION.md (scripts/print-authorization.ts) and of the test that tries every
 * cell (authorization.test.ts); that test also fails when an operation is missing here.
 *
 * Enforcement lives where it belongs: `authScopes` on the fields (schema/builder.ts) for who may
 * call at all, the services for rules about the data (only the author edits, staff do not vote),
 * and the tenant filter for which community's rows exist at all.
 */
/**
 * People, then the brand's servers: API_READ holds a READ_MEMBERS key, API_WRITE a WRITE_MEMBERS
 * one, API_DEMAND a READ_DEMAND one.
 */
export const ROLES = [
  'ANONYMOUS',
  'GUEST',
  'CUSTOMER',
  'AGENCY',
  'STAFF',
  'MANAGER',
  'OWNER',
  'API_READ',
  'API_WRITE',
  'API_DEMAND',
] as const;
export type Role = (typeof ROLES)[number];

/** Anyone, API keys included: a key reads what anonymous visitors read, and what its scopes add. */
const EVERYONE: readonly Role[] = ROLES;
const SIGNED_IN: readonly Role[] = ['GUEST', 'CUSTOMER', 'AGENCY', 'STAFF', 'MANAGER', 'OWNER'];
/** Sign-in and joining are for people: a key is refused. */
const PEOPLE: readonly Role[] = ['ANONYMOUS', ...SIGNED_IN];
const CUSTOMERS: readonly Role[] = ['GUEST', 'CUSTOMER'];
const ALL_STAFF: readonly Role[] = ['AGENCY', 'STAFF', 'MANAGER', 'OWNER'];
const MANAGERS: readonly Role[] = ['MANAGER', 'OWNER'];

export interface Permission {
  allowed: readonly Role[];
  /** What the cell means, beyond yes or no. */
  note: string;
}

export const AUTHORIZATION: Record<string, Permission> = {
  'Query.community': {
    allowed: EVERYONE,
    note: 'Public content. A signed-in viewer sees only their own community; hidden content is for staff.',
  },
  'Query.viewer': { allowed: EVERYONE, note: 'Null for anonymous requests.' },
  'Mutation.startGuestSession': {
    allowed: PEOPLE,
    note: 'Rate limited per address. A viewer signed in to another community is refused.',
  },
  'Mutation.staffSignIn': {
    allowed: PEOPLE,
    note: 'Succeeds only with a staff account of that community; rate limited, locked after repeated failures.',
  },
  'Mutation.staffSignOut': { allowed: EVERYONE, note: 'Ends the current staff session, if any.' },
  'Mutation.postThread': { allowed: SIGNED_IN, note: 'Rate limited for customers; duplicates refused.' },
  'Mutation.editThread': { allowed: SIGNED_IN, note: 'Own thread only, within 30 minutes of posting.' },
  'Mutation.deleteThread': {
    allowed: SIGNED_IN,
    note: 'Own thread only, within 30 minutes of posting, while nobody else has taken part.',
  },
  'Mutation.withdrawThread': { allowed: SIGNED_IN, note: 'Own thread only, at any time; the conversation stays.' },
  'Mutation.reply': { allowed: SIGNED_IN, note: 'Customers cannot reply in locked threads; rate limited.' },
  'Mutation.editReply': { allowed: SIGNED_IN, note: 'Own reply only, within 30 minutes of posting.' },
  'Mutation.deleteReply': { allowed: SIGNED_IN, note: 'Own reply only, within 30 minutes of posting.' },
  'Mutation.vote': { allowed: CUSTOMERS, note: 'Customers vote; staff do not.' },
  'Mutation.unvote': { allowed: CUSTOMERS, note: 'Customers vote; staff do not.' },
  'Mutation.follow': { allowed: SIGNED_IN, note: '' },
  'Mutation.unfollow': { allowed: SIGNED_IN, note: '' },
  'Mutation.setThreadStatus': { allowed: ALL_STAFF, note: 'Audited.' },
  'Subscription.threadEvents': { allowed: EVERYONE, note: "Public threads only, in the viewer's community." },
  'Subscription.communityEvents': { allowed: ALL_STAFF, note: 'Every thread event of the community: the live inbox.' },
  'Mutation.setStaffPassword': {
    allowed: ['ANONYMOUS'],
    note: 'With a one-time link from an invitation; signs in. Refused to anyone already signed in.',
  },
  'Mutation.updateMyProfile': { allowed: ALL_STAFF, note: 'Own name, title and picture.' },
  'Mutation.assignThread': { allowed: ALL_STAFF, note: 'Audited.' },
  'Mutation.mergeThread': { allowed: ALL_STAFF, note: 'Votes and followers move to the other thread. Audited.' },
  'Mutation.hideThread': { allowed: MANAGERS, note: 'With a reason. Audited.' },
  'Mutation.restoreThread': { allowed: MANAGERS, note: 'Audited.' },
  'Mutation.lockThread': { allowed: MANAGERS, note: 'Audited.' },
  'Mutation.unlockThread': { allowed: MANAGERS, note: 'Audited.' },
  'Mutation.hideReply': { allowed: MANAGERS, note: 'With a reason. Audited.' },
  'Mutation.restoreReply': { allowed: MANAGERS, note: 'Audited.' },
  'Mutation.suspendMember': { allowed: MANAGERS, note: 'With a reason. Audited.' },
  'Mutation.unsuspendMember': { allowed: MANAGERS, note: 'Audited.' },
  'Mutation.reportContent': { allowed: CUSTOMERS, note: 'Once per person and item; rate limited.' },
  'Mutation.resolveReport': { allowed: MANAGERS, note: 'Hide the content, or dismiss. Audited.' },
  'Mutation.inviteStaff': {
    allowed: MANAGERS,
    note: 'Managers invite staff and agency staff; owners anyone. Returns a one-time link. Audited.',
  },
  'Mutation.issuePasswordLink': { allowed: MANAGERS, note: 'Same limits as inviting. Audited.' },
  'Mutation.updateStaff': { allowed: MANAGERS, note: 'Same limits as inviting; a community keeps an owner. Audited.' },
  'Mutation.deactivateStaff': {
    allowed: MANAGERS,
    note: 'Requires 1–10 successors, who share the work; not oneself; a community keeps an owner. Audited.',
  },
  'Mutation.updateCommunity': { allowed: MANAGERS, note: 'Name and widget theme. Audited.' },
  'Mutation.setAllowedOrigins': { allowed: MANAGERS, note: 'Audited.' },
  'Mutation.rotateSsoKey': { allowed: MANAGERS, note: 'The new secret is shown once. Audited.' },
  'Mutation.retireSsoKey': { allowed: MANAGERS, note: 'The last key stays. Audited.' },
  'Mutation.markReplyHelpful': {
    allowed: ALL_STAFF,
    note: "Customers' replies only; counts toward the author's ranking.",
  },
  'Mutation.unmarkReplyHelpful': { allowed: ALL_STAFF, note: 'The mark goes; the ranking credit stays.' },
  'Mutation.flagAmbassador': { allowed: MANAGERS, note: 'With a reason; a badge in the widget. Audited.' },
  'Mutation.unflagAmbassador': { allowed: MANAGERS, note: 'With a reason. Audited.' },
  'Mutation.updateRankingSettings': { allowed: MANAGERS, note: 'Recomputes the ranking. Audited.' },
  'Mutation.shareCode': { allowed: CUSTOMERS, note: 'Their own referral code.' },
  'Mutation.bringGuestActivity': {
    allowed: ['CUSTOMER'],
    note: 'Needs the guest token as well as the sign-in; the guest session ends. Rate limited, audited.',
  },
  'Mutation.recordShareVisit': {
    allowed: EVERYONE,
    note: 'Once per visitor and day; never for the sharer; rate limited per address.',
  },
  'Mutation.setConsent': {
    allowed: CUSTOMERS,
    note: 'Their own consent; recorded in the ledger with the words shown.',
  },
  'Mutation.markNotificationsRead': { allowed: CUSTOMERS, note: 'Their own notifications.' },
  'Mutation.recordMemberConsent': { allowed: MANAGERS, note: 'In the ledger as ADMIN, with who recorded it.' },
  'Mutation.setEmailDigest': { allowed: CUSTOMERS, note: 'Their own email frequency.' },
  'Mutation.setMemberOwner': { allowed: MANAGERS, note: "Who looks after a customer's relationship. Audited." },
  'Mutation.endAgency': {
    allowed: MANAGERS,
    note: 'Deactivates every account of the agency, each handing over to the successors. Audited.',
  },
  'Mutation.createWebhook': { allowed: MANAGERS, note: 'The signing secret is shown once. Audited.' },
  'Mutation.updateWebhook': { allowed: MANAGERS, note: 'Audited.' },
  'Mutation.deleteWebhook': { allowed: MANAGERS, note: 'With its delivery log. Audited.' },
  'Mutation.redeliverWebhook': { allowed: MANAGERS, note: '' },
  'Community.webhooks': { allowed: MANAGERS, note: 'With each delivery log.' },
  'Mutation.requestAccountDeletion': { allowed: CUSTOMERS, note: 'Their own account; erased after the grace period.' },
  'Mutation.cancelAccountDeletion': { allowed: CUSTOMERS, note: 'Their own pending deletion.' },
  'Mutation.updatePrivacySettings': { allowed: MANAGERS, note: 'Audited.' },
  'Community.privacySettings': { allowed: MANAGERS, note: '' },
  'Mutation.runCleanup': {
    allowed: MANAGERS,
    note: 'Only members confirmed from the preview who still match. Audited.',
  },
  'Mutation.undoCleanup': { allowed: MANAGERS, note: 'Until the grace period ends. Audited.' },
  'Community.cleanupPreview': { allowed: MANAGERS, note: 'Names and addresses of who a rule takes.' },
  'Community.cleanups': { allowed: MANAGERS, note: '' },
  'Community.handovers': { allowed: ALL_STAFF, note: 'What moved at each handover, with the brief.' },
  'Community.handover': { allowed: ALL_STAFF, note: '' },
  'Community.ranking': { allowed: [...ALL_STAFF, 'API_READ'], note: 'Scores, segments and breakdowns.' },
  'Community.rankingSettings': { allowed: MANAGERS, note: '' },
  'Community.pulse': { allowed: ALL_STAFF, note: '' },
  'Community.inbox': { allowed: ALL_STAFF, note: '' },
  'Community.members': { allowed: [...ALL_STAFF, 'API_READ'], note: 'With e-mail addresses and activity.' },
  'Community.member': { allowed: [...ALL_STAFF, 'API_READ'], note: 'The relationship brief.' },
  'Community.memberByExternalId': { allowed: [...ALL_STAFF, 'API_READ'], note: "By the brand's own id." },
  'Community.demand': { allowed: [...ALL_STAFF, 'API_DEMAND'], note: 'Ideas by who wants them.' },
  'Community.demandCsv': { allowed: [...ALL_STAFF, 'API_DEMAND'], note: 'The same, as CSV.' },
  'Community.segments': { allowed: [...ALL_STAFF, 'API_READ'], note: 'Each with its live count and members.' },
  'Community.segment': { allowed: [...ALL_STAFF, 'API_READ'], note: '' },
  'Community.segmentPreview': { allowed: ALL_STAFF, note: 'Who rules being written take in.' },
  'Mutation.saveSegment': { allowed: MANAGERS, note: 'Make or change. Audited.' },
  'Community.asks': { allowed: ALL_STAFF, note: 'Drafts, open and closed asks.' },
  'Community.ask': { allowed: ALL_STAFF, note: 'With its results, answers and CSV.' },
  'Mutation.createAsk': { allowed: ALL_STAFF, note: 'A draft signed by its author. Audited.' },
  'Mutation.updateAsk': { allowed: ALL_STAFF, note: 'Published: details and closing time only. Audited.' },
  'Mutation.publishAsk': {
    allowed: ALL_STAFF,
    note: 'Emails only members who agreed to be contacted by staff (checked again at sending). Audited.',
  },
  'Mutation.closeAsk': { allowed: ALL_STAFF, note: 'Audited.' },
  'Mutation.deleteAsk': { allowed: ALL_STAFF, note: 'Drafts only. Audited.' },
  'Mutation.openAskFollowUp': { allowed: ALL_STAFF, note: 'A public thread posted as themselves. Audited.' },
  'Mutation.answerAsk': { allowed: CUSTOMERS, note: 'Only asks put to them, until they close.' },
  'Subscription.askEvents': { allowed: ALL_STAFF, note: "An ask's answers changing, live." },
  'Mutation.deleteSegment': { allowed: MANAGERS, note: 'Audited.' },
  'Community.apiKeys': { allowed: MANAGERS, note: 'Names, scopes and use; keys are never shown again.' },
  'Mutation.createApiKey': { allowed: MANAGERS, note: 'The key is shown once. Audited.' },
  'Mutation.revokeApiKey': { allowed: MANAGERS, note: 'Stops it at once. Audited.' },
  'Mutation.upsertMembers': {
    allowed: ['API_WRITE'],
    note: 'Up to 100 customers by external id, all or none; rate limited per key. Audited.',
  },
  'Community.staffMembers': { allowed: ALL_STAFF, note: '' },
  'Community.reports': { allowed: MANAGERS, note: 'The moderation queue.' },
  'Community.auditLog': { allowed: MANAGERS, note: '' },
  'Community.allowedOrigins': { allowed: MANAGERS, note: '' },
  'Community.ssoKeys': { allowed: MANAGERS, note: 'Key ids only; secrets are never shown again.' },
  'Mutation.createChangelogEntry': { allowed: ALL_STAFF, note: 'A draft signed by its author. Audited.' },
  'Mutation.updateChangelogEntry': {
    allowed: ALL_STAFF,
    note: 'Published: shown as edited; threads added ship and their people are told. Audited.',
  },
  'Mutation.publishChangelogEntry': {
    allowed: ALL_STAFF,
    note: 'Now (ships its threads, tells who asked) or at a time. Audited.',
  },
  'Mutation.unpublishChangelogEntry': { allowed: ALL_STAFF, note: 'Back to a draft. Audited.' },
  'Mutation.deleteChangelogEntry': { allowed: ALL_STAFF, note: 'Drafts and scheduled entries. Audited.' },
  'Query.guestActivity': { allowed: CUSTOMERS, note: 'Only with the guest token itself; null when unknown.' },
  'Query.formattedPreview': { allowed: ALL_STAFF, note: 'How a text will look, while writing it.' },
  'Mutation.markChangelogRead': { allowed: CUSTOMERS, note: "Their own What's new dot." },
  'Mutation.setFollowOnVote': { allowed: CUSTOMERS, note: 'Whether their votes bring status updates.' },
  'Mutation.setMyLocale': { allowed: CUSTOMERS, note: 'The language of their own emails.' },
  'Mutation.updateOutreachSettings': {
    allowed: MANAGERS,
    note: 'Roadmap, community page (an allowed origin), From address. Audited.',
  },
  'Mutation.rotateInboundEmailSecret': {
    allowed: MANAGERS,
    note: "The mail provider's secret for replies by email; shown once. Audited.",
  },
  'Community.outreach': { allowed: MANAGERS, note: '' },
  'Subscription.viewerEvents': { allowed: CUSTOMERS, note: 'Their own unread counts, live.' },
};
