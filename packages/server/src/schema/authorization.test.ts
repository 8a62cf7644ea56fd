/**
 * Every cell of the authorization matrix (authorization.ts), tried against the running server:
 * each operation, as each role, with valid arguments of the role's own community. An allowed cell
 * must not be refused; a denied cell must be refused with UNAUTHENTICATED or FORBIDDEN.
 */
import { readFileSync } from 'node:fs';
import type { GraphQLObjectType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Member } from '../entities/index.ts';
import {
  ALL_COMMUNITIES,
  createTestCommunity,
  globalId,
  guestToken,
  postThread,
  rawId,
  STAFF_PASSWORD,
  signInStaff,
  ssoToken,
  type TestCommunity,
} from '../testing/fixtures.ts';
import type { GraphQLClient, GraphQLResponse } from '../testing/graphql-client.ts';
import { startTestServer, type TestServer } from '../testing/server.ts';
import { subscribe } from '../testing/sse.ts';
import { AUTHORIZATION, ROLES, type Role } from './authorization.ts';
import { authorizationMarkdown } from './authorization-doc.ts';
import { schema } from './index.ts';

let server: TestServer;
let brand: TestCommunity;
let counter = 0;

/** A client acting as the role, and its bearer token if it has one. */
async function as(role: Role): Promise<{ client: GraphQLClient; token?: string }> {
  const client = server.client();
  switch (role) {
    case 'ANONYMOUS':
      return { client };
    case 'GUEST':
      return { client, token: await guestToken(client, brand.slug, `Guest ${++counter}`) };
    case 'CUSTOMER':
      return { client, token: await ssoToken(brand, { sub: `customer-${++counter}`, name: 'Cas' }) };
    case 'API_READ':
    case 'API_WRITE':
    case 'API_DEMAND': {
      const scope = { API_READ: 'READ_MEMBERS', API_WRITE: 'WRITE_MEMBERS', API_DEMAND: 'READ_DEMAND' }[role];
      return { client, token: await apiKey(scope) };
    }
    default: {
      const staff = { AGENCY: brand.agency, STAFF: brand.staff, MANAGER: brand.manager, OWNER: brand.owner }[role];
      await signInStaff(client, brand.slug, staff);
      return { client };
    }
  }
}

type Who = Awaited<ReturnType<typeof as>>;

/** A community API key of the one scope, made by a manager (one per scope, reused). */
const apiKeys = new Map<string, string>();
async function apiKey(scope: string): Promise<string> {
  const made = apiKeys.get(scope);
  if (made) return made;
  const data = await (await signedStaff()).data(
    'mutation ($s: [ApiKeyScope!]!) { createApiKey(name: "Brand server", scopes: $s) { key } }',
    { variables: { s: [scope] } },
  );
  apiKeys.set(scope, data.createApiKey.key);
  return data.createApiKey.key;
}

/** Runs the operation as `who`; "own" data (a thread to edit) is created by `who` beforehand. */
type Recipe = (who: Who) => Promise<GraphQLResponse>;

const call = (who: Who, query: string, variables: Record<string, unknown> = {}) =>
  who.client.request(query, { token: who.token, variables });

/**
 * A webhook (listening to new threads) made by a manager; `fresh` for one to remove. It points at
 * a port nobody listens on, so deliveries fail at once (and are retried later), never hang.
 */
let sharedWebhook: string | undefined;
let redeliveryHook: string | undefined;
async function someWebhook(fresh = false): Promise<string> {
  if (!fresh && sharedWebhook) return sharedWebhook;
  const made = await (await signedStaff()).data(
    'mutation { createWebhook(url: "http://127.0.0.1:9/refused", events: [THREAD_CREATED]) { webhook { id } } }',
  );
  if (!fresh) sharedWebhook = made.createWebhook.webhook.id;
  return made.createWebhook.webhook.id;
}

/** A draft "What's new" entry by a manager. */
async function someEntry(): Promise<string> {
  const made = await (await signedStaff()).data(
    'mutation { createChangelogEntry(input: { title: "An entry" }) { id } }',
  );
  return made.createChangelogEntry.id;
}

/** An ask by a manager: a draft, or published (to everyone) and then closed unless `open`. */
async function someAsk(state: 'draft' | 'published' | 'open' = 'draft'): Promise<string> {
  const staff = await signedStaff();
  const input = { question: `Ask ${++counter}`, choices: ['Yes', 'No'], closesAt: new Date(Date.now() + 86_400_000) };
  const id = (await staff.data('mutation ($i: AskInput!) { createAsk(input: $i) { id } }', { variables: { i: input } }))
    .createAsk.id;
  if (state === 'draft') return id;
  await staff.data('mutation ($id: ID!) { publishAsk(id: $id) { id } }', { variables: { id } });
  // Closed again at once: a community may have only 20 open at a time.
  if (state === 'published') await closeAsk(id);
  return id;
}
const closeAsk = async (id: string) =>
  (await signedStaff()).data('mutation ($id: ID!) { closeAsk(id: $id) { id } }', { variables: { id } });
let sharedOpenAsk: string | undefined;

/** A thread by someone else (staff), for operations on others' threads. */
const someThread = async () => postThread(await signedStaff(), undefined, { title: `Thread ${++counter}` });
async function signedStaff() {
  const client = server.client();
  await signInStaff(client, brand.slug, brand.manager);
  return client;
}

/** A reply by a customer in someone's thread. */
async function someReply(): Promise<string> {
  const client = server.client();
  const token = await guestToken(client, brand.slug, `Replier ${++counter}`);
  const data = await client.data('mutation ($i: ReplyInput!) { reply(input: $i) { id } }', {
    token,
    variables: { i: { threadId: await someThread(), body: `A reply ${counter}` } },
  });
  return data.reply.id;
}

/** A customer of the community (their global id). */
async function someMember(): Promise<string> {
  const client = server.client();
  const token = await guestToken(client, brand.slug, `Someone ${++counter}`);
  return (await client.data('{ viewer { member { id } } }', { token })).viewer.member.id;
}

/** A customer who turned emails off and has not been seen for a year: the UNSUBSCRIBED clean-up takes them. */
async function quietMember(): Promise<string> {
  const client = server.client();
  const token = await guestToken(client, brand.slug, `Quiet ${++counter}`);
  await client.data('mutation { setConsent(purpose: THREAD_NOTIFICATIONS, granted: false) { granted } }', { token });
  const id = (await client.data('{ viewer { member { id } } }', { token })).viewer.member.id;
  await server
    .em()
    .nativeUpdate(Member, { id: rawId(id) }, { lastSeenAt: new Date(Date.now() - 365 * 86_400_000) }, ALL_COMMUNITIES);
  return id;
}

const communityField = (who: Who, selection: string) =>
  call(who, `query ($s: String!) { community(slug: $s) { ${selection} } }`, { s: brand.slug });

/** A thread and a reply by `who`, if `who` may post at all (a person signed in); else by staff. */
async function own(who: Who): Promise<{ threadId: string; replyId: string }> {
  const person = who.client.cookie || (who.token && !who.token.startsWith('rk_'));
  const author = person ? who : { client: await signedStaff() };
  const threadId = await postThread(author.client, author.token, { title: `Own thread ${++counter}` });
  const data = await author.client.data('mutation ($i: ReplyInput!) { reply(input: $i) { id } }', {
    token: author.token,
    variables: { i: { threadId, body: `Own reply ${counter}` } },
  });
  return { threadId, replyId: data.reply.id };
}

const RECIPES: Record<string, Recipe> = {
  'Query.community': (who) => call(who, 'query ($s: String!) { community(slug: $s) { name } }', { s: brand.slug }),
  'Query.viewer': (who) => call(who, '{ viewer { kind } }'),
  'Mutation.startGuestSession': (who) =>
    call(who, 'mutation ($c: String!) { startGuestSession(community: $c, displayName: "New guest") { token } }', {
      c: brand.slug,
    }),
  'Mutation.staffSignIn': (who) =>
    call(
      who,
      'mutation ($c: String!, $e: String!, $p: String!) { staffSignIn(community: $c, email: $e, password: $p) { kind } }',
      {
        c: brand.slug,
        e: brand.staff.email,
        p: STAFF_PASSWORD,
      },
    ),
  'Mutation.staffSignOut': (who) => call(who, 'mutation { staffSignOut }'),
  'Mutation.postThread': (who) =>
    call(who, 'mutation ($i: PostThreadInput!) { postThread(input: $i) { id } }', {
      i: { kind: 'IDEA', title: `Post ${++counter}` },
    }),
  'Mutation.editThread': async (who) =>
    call(who, 'mutation ($i: EditThreadInput!) { editThread(input: $i) { id } }', {
      i: { threadId: (await own(who)).threadId, title: `Edited ${++counter}` },
    }),
  'Mutation.deleteThread': async (who) =>
    call(who, 'mutation ($id: ID!) { deleteThread(threadId: $id) }', { id: (await own(who)).threadId }),
  'Mutation.withdrawThread': async (who) =>
    call(who, 'mutation ($id: ID!) { withdrawThread(threadId: $id) { id } }', { id: (await own(who)).threadId }),
  'Mutation.reply': async (who) =>
    call(who, 'mutation ($i: ReplyInput!) { reply(input: $i) { id } }', {
      i: { threadId: await someThread(), body: 'A reply' },
    }),
  'Mutation.editReply': async (who) =>
    call(who, 'mutation ($i: EditReplyInput!) { editReply(input: $i) { id } }', {
      i: { replyId: (await own(who)).replyId, body: `Edited reply ${++counter}` },
    }),
  'Mutation.deleteReply': async (who) =>
    call(who, 'mutation ($id: ID!) { deleteReply(replyId: $id) }', { id: (await own(who)).replyId }),
  'Mutation.vote': async (who) =>
    call(who, 'mutation ($id: ID!) { vote(threadId: $id) { id } }', { id: await someThread() }),
  'Mutation.unvote': async (who) =>
    call(who, 'mutation ($id: ID!) { unvote(threadId: $id) { id } }', { id: await someThread() }),
  'Mutation.follow': async (who) =>
    call(who, 'mutation ($id: ID!) { follow(threadId: $id) { id } }', { id: await someThread() }),
  'Mutation.unfollow': async (who) =>
    call(who, 'mutation ($id: ID!) { unfollow(threadId: $id) { id } }', { id: await someThread() }),
  'Mutation.setThreadStatus': async (who) =>
    call(who, 'mutation ($i: SetThreadStatusInput!) { setThreadStatus(input: $i) { id } }', {
      i: { threadId: await someThread(), status: 'PLANNED' },
    }),
  'Subscription.communityEvents': async (who) => {
    const live = subscribe(
      server.endpoint,
      'subscription ($c: String!) { communityEvents(community: $c) { __typename } }',
      {
        token: who.token,
        cookie: who.client.cookie,
        variables: { c: brand.slug },
      },
    );
    try {
      return await live.ready;
    } finally {
      live.close();
    }
  },
  'Mutation.setStaffPassword': async (who) => {
    const link = await (await signedStaff()).data(
      'mutation ($i: InviteStaffInput!) { inviteStaff(input: $i) { url } }',
      { variables: { i: { email: `new${++counter}@brand.example`, name: `New ${counter}`, role: 'STAFF' } } },
    );
    const token = new URL(link.inviteStaff.url).hash.replace('#token=', '');
    return call(
      who,
      'mutation ($t: String!) { setStaffPassword(token: $t, password: "a long new password") { kind } }',
      { t: token },
    );
  },
  'Mutation.updateMyProfile': (who) => call(who, 'mutation { updateMyProfile(input: { title: "Support" }) { id } }'),
  'Mutation.assignThread': async (who) =>
    call(who, 'mutation ($id: ID!, $s: ID) { assignThread(threadId: $id, staffId: $s) { id } }', {
      id: await someThread(),
      s: globalId('StaffMember', brand.staff.id),
    }),
  'Mutation.mergeThread': async (who) =>
    call(who, 'mutation ($a: ID!, $b: ID!) { mergeThread(threadId: $a, intoThreadId: $b) { id } }', {
      a: await someThread(),
      b: await someThread(),
    }),
  'Mutation.hideThread': async (who) =>
    call(who, 'mutation ($id: ID!) { hideThread(threadId: $id, reason: "Off topic") { id } }', {
      id: await someThread(),
    }),
  'Mutation.restoreThread': async (who) => {
    const id = await someThread();
    await (await signedStaff()).data('mutation ($id: ID!) { hideThread(threadId: $id, reason: "Off topic") { id } }', {
      variables: { id },
    });
    return call(who, 'mutation ($id: ID!) { restoreThread(threadId: $id) { id } }', { id });
  },
  'Mutation.lockThread': async (who) =>
    call(who, 'mutation ($id: ID!) { lockThread(threadId: $id) { id } }', { id: await someThread() }),
  'Mutation.unlockThread': async (who) => {
    const id = await someThread();
    await (await signedStaff()).data('mutation ($id: ID!) { lockThread(threadId: $id) { id } }', { variables: { id } });
    return call(who, 'mutation ($id: ID!) { unlockThread(threadId: $id) { id } }', { id });
  },
  'Mutation.hideReply': async (who) =>
    call(who, 'mutation ($id: ID!) { hideReply(replyId: $id, reason: "Rude words") { id } }', {
      id: await someReply(),
    }),
  'Mutation.restoreReply': async (who) => {
    const id = await someReply();
    await (await signedStaff()).data('mutation ($id: ID!) { hideReply(replyId: $id, reason: "Rude words") { id } }', {
      variables: { id },
    });
    return call(who, 'mutation ($id: ID!) { restoreReply(replyId: $id) { id } }', { id });
  },
  'Mutation.suspendMember': async (who) =>
    call(who, 'mutation ($id: ID!) { suspendMember(memberId: $id, reason: "Spamming links") { id } }', {
      id: await someMember(),
    }),
  'Mutation.unsuspendMember': async (who) => {
    const id = await someMember();
    await (await signedStaff()).data(
      'mutation ($id: ID!) { suspendMember(memberId: $id, reason: "Spamming links") { id } }',
      {
        variables: { id },
      },
    );
    return call(who, 'mutation ($id: ID!) { unsuspendMember(memberId: $id) { id } }', { id });
  },
  'Mutation.reportContent': async (who) =>
    call(who, 'mutation ($i: ReportInput!) { reportContent(input: $i) { id } }', {
      i: { threadId: await someThread(), reason: 'Looks like spam' },
    }),
  'Mutation.resolveReport': async (who) => {
    const reporter = server.client();
    const token = await guestToken(reporter, brand.slug, `Reporter ${++counter}`);
    const report = await reporter.data('mutation ($i: ReportInput!) { reportContent(input: $i) { id } }', {
      token,
      variables: { i: { threadId: await someThread(), reason: 'Looks like spam' } },
    });
    return call(who, 'mutation ($id: ID!) { resolveReport(reportId: $id, resolution: DISMISSED) { id } }', {
      id: report.reportContent.id,
    });
  },
  'Mutation.inviteStaff': (who) =>
    call(who, 'mutation ($i: InviteStaffInput!) { inviteStaff(input: $i) { url } }', {
      i: { email: `invite${++counter}@brand.example`, name: `Invitee ${counter}`, role: 'STAFF' },
    }),
  'Mutation.issuePasswordLink': (who) =>
    call(who, 'mutation ($id: ID!) { issuePasswordLink(staffId: $id) { url } }', {
      id: globalId('StaffMember', brand.staff.id),
    }),
  'Mutation.updateStaff': (who) =>
    call(who, 'mutation ($i: UpdateStaffInput!) { updateStaff(input: $i) { id } }', {
      i: { staffId: globalId('StaffMember', brand.staff.id), title: `Support Lead ${++counter}` },
    }),
  'Mutation.deactivateStaff': async (who) => {
    const invited = await (await signedStaff()).data(
      'mutation ($i: InviteStaffInput!) { inviteStaff(input: $i) { staff { id } } }',
      {
        variables: { i: { email: `leaver${++counter}@brand.example`, name: `Leaver ${counter}`, role: 'STAFF' } },
      },
    );
    return call(
      who,
      'mutation ($a: ID!, $b: [ID!]!) { deactivateStaff(staffId: $a, successorIds: $b) { movedThreads } }',
      {
        a: invited.inviteStaff.staff.id,
        b: [globalId('StaffMember', brand.staff.id)],
      },
    );
  },
  'Mutation.createWebhook': (who) =>
    call(who, 'mutation { createWebhook(url: "http://127.0.0.1:9/refused", events: [REPLY_CREATED]) { secret } }'),
  'Mutation.updateWebhook': async (who) =>
    call(who, 'mutation ($id: ID!) { updateWebhook(id: $id, active: false) { active } }', { id: await someWebhook() }),
  'Mutation.deleteWebhook': async (who) =>
    call(who, 'mutation ($id: ID!) { deleteWebhook(id: $id) }', { id: await someWebhook(true) }),
  'Mutation.redeliverWebhook': async (who) => {
    // One of its own (the shared one may be turned off by now), made once: a community keeps 20.
    redeliveryHook ??= await someWebhook(true);
    const id = redeliveryHook;
    await someThread(); // a thread.created delivery for it
    const manager = await signedStaff();
    const log = await manager.data(
      'query ($s: String!) { community(slug: $s) { webhooks { id deliveries(first: 1) { edges { node { id } } } } } }',
      { variables: { s: brand.slug } },
    );
    const hook = log.community.webhooks.find((w: { id: string }) => w.id === id);
    return call(who, 'mutation ($id: ID!) { redeliverWebhook(deliveryId: $id) { status } }', {
      id: hook.deliveries.edges[0].node.id,
    });
  },
  'Mutation.requestAccountDeletion': async (who) => {
    const result = await call(who, 'mutation { requestAccountDeletion }');
    // Keep the account: later recipes use these people.
    if (!result.errors) await call(who, 'mutation { cancelAccountDeletion }');
    return result;
  },
  'Mutation.cancelAccountDeletion': async (who) => {
    await call(who, 'mutation { requestAccountDeletion }');
    return call(who, 'mutation { cancelAccountDeletion }');
  },
  'Mutation.updatePrivacySettings': (who) =>
    call(who, 'mutation { updatePrivacySettings(deletionGraceDays: 7) { deletionGraceDays } }'),
  'Mutation.runCleanup': async (who) => {
    // Someone who turned emails off and went quiet, so the rule takes them; undone at once, they stay.
    const id = await quietMember();
    const result = await call(
      who,
      'mutation ($ids: [ID!]!) { runCleanup(rule: UNSUBSCRIBED, memberIds: $ids) { cleanup { id } } }',
      {
        ids: [id],
      },
    );
    const cleanup = result.data?.runCleanup?.cleanup?.id;
    if (cleanup)
      await (await signedStaff()).data('mutation ($id: ID!) { undoCleanup(id: $id) { id } }', {
        variables: { id: cleanup },
      });
    return result;
  },
  'Mutation.undoCleanup': async (who) => {
    const id = await quietMember();
    const run = await (await signedStaff()).data(
      'mutation ($ids: [ID!]!) { runCleanup(rule: UNSUBSCRIBED, memberIds: $ids) { cleanup { id } } }',
      { variables: { ids: [id] } },
    );
    return call(who, 'mutation ($id: ID!) { undoCleanup(id: $id) { id } }', { id: run.runCleanup.cleanup.id });
  },
  'Mutation.setMemberOwner': async (who) =>
    call(who, 'mutation ($id: ID!, $o: ID!) { setMemberOwner(memberId: $id, ownerId: $o) { id } }', {
      id: await someMember(),
      o: globalId('StaffMember', brand.staff.id),
    }),
  'Mutation.endAgency': async (who) => {
    const agency = `Agency ${++counter}`;
    await (await signedStaff()).data('mutation ($i: InviteStaffInput!) { inviteStaff(input: $i) { staff { id } } }', {
      variables: {
        i: { email: `agent${counter}@agency.example`, name: `Agent ${counter}`, role: 'AGENCY', agencyName: agency },
      },
    });
    return call(
      who,
      'mutation ($a: String!, $b: [ID!]!) { endAgency(agencyName: $a, successorIds: $b) { movedThreads } }',
      {
        a: agency,
        b: [globalId('StaffMember', brand.staff.id)],
      },
    );
  },
  'Mutation.updateCommunity': (who) =>
    call(
      who,
      'mutation { updateCommunity(input: { theme: [{ property: "--rapport-radius", value: "4px" }] }) { id } }',
    ),
  'Mutation.setAllowedOrigins': (who) =>
    call(who, 'mutation { setAllowedOrigins(origins: ["http://brand.example"]) { id } }'),
  'Mutation.rotateSsoKey': (who) => call(who, 'mutation { rotateSsoKey { keyId } }'),
  'Mutation.retireSsoKey': async (who) => {
    const key = await (await signedStaff()).data('mutation { rotateSsoKey { keyId } }');
    return call(who, 'mutation ($k: String!) { retireSsoKey(keyId: $k) { id } }', { k: key.rotateSsoKey.keyId });
  },
  'Mutation.markReplyHelpful': async (who) =>
    call(who, 'mutation ($id: ID!) { markReplyHelpful(replyId: $id) { id } }', { id: await someReply() }),
  'Mutation.unmarkReplyHelpful': async (who) => {
    const id = await someReply();
    await (await signedStaff()).data('mutation ($id: ID!) { markReplyHelpful(replyId: $id) { id } }', {
      variables: { id },
    });
    return call(who, 'mutation ($id: ID!) { unmarkReplyHelpful(replyId: $id) { id } }', { id });
  },
  'Mutation.flagAmbassador': async (who) =>
    call(who, 'mutation ($id: ID!) { flagAmbassador(memberId: $id, reason: "Helps everyone") { id } }', {
      id: await someMember(),
    }),
  'Mutation.unflagAmbassador': async (who) => {
    const id = await someMember();
    await (await signedStaff()).data('mutation ($id: ID!) { flagAmbassador(memberId: $id, reason: "Helps") { id } }', {
      variables: { id },
    });
    return call(who, 'mutation ($id: ID!) { unflagAmbassador(memberId: $id, reason: "Moved on") { id } }', { id });
  },
  'Mutation.updateRankingSettings': (who) =>
    call(who, 'mutation { updateRankingSettings(settings: { halfLifeDays: 180 }) { id } }'),
  'Mutation.setConsent': (who) =>
    call(who, 'mutation { setConsent(purpose: PRODUCT_UPDATES, granted: true) { granted } }'),
  'Mutation.markNotificationsRead': (who) => call(who, 'mutation { markNotificationsRead }'),
  'Mutation.recordMemberConsent': async (who) =>
    call(
      who,
      'mutation ($m: ID!) { recordMemberConsent(memberId: $m, purpose: STAFF_CONTACT, granted: true, textShown: "Said yes on the phone") { granted } }',
      { m: await someMember() },
    ),
  'Mutation.setEmailDigest': (who) => call(who, 'mutation { setEmailDigest(digest: DAILY) }'),
  'Mutation.shareCode': (who) => call(who, 'mutation ($c: String!) { shareCode(community: $c) }', { c: brand.slug }),
  'Query.guestActivity': async (who) =>
    call(who, 'query ($t: String!) { guestActivity(guestToken: $t) { voteCount } }', {
      t: await guestToken(server.client(), brand.slug, `Earlier guest ${++counter}`),
    }),
  'Mutation.bringGuestActivity': async (who) =>
    call(who, 'mutation ($t: String!) { bringGuestActivity(guestToken: $t) { voteCount } }', {
      t: await guestToken(server.client(), brand.slug, `Earlier guest ${++counter}`),
    }),
  'Mutation.recordShareVisit': async (who) => {
    const sharer = server.client();
    const token = await guestToken(sharer, brand.slug, `Sharer ${++counter}`);
    const code = await sharer.data('mutation ($c: String!) { shareCode(community: $c) }', {
      token,
      variables: { c: brand.slug },
    });
    return call(
      who,
      'mutation ($c: String!, $k: String!) { recordShareVisit(community: $c, code: $k, visitor: "visitor-1234") }',
      {
        c: brand.slug,
        k: code.shareCode,
      },
    );
  },
  'Community.ranking': (who) => communityField(who, 'ranking(first: 5) { edges { cursor } }'),
  'Community.rankingSettings': (who) => communityField(who, 'rankingSettings { halfLifeDays }'),
  'Community.pulse': (who) =>
    communityField(who, 'pulse(from: "2026-01-01T00:00:00Z", to: "2026-01-08T00:00:00Z") { threads }'),
  'Community.inbox': (who) => communityField(who, 'inbox(first: 5) { edges { cursor } }'),
  'Community.members': (who) => communityField(who, 'members(first: 5) { edges { cursor } }'),
  'Community.member': async (who) =>
    call(who, 'query ($s: String!, $id: ID!) { community(slug: $s) { member(id: $id) { id } } }', {
      s: brand.slug,
      id: await someMember(),
    }),
  'Community.memberByExternalId': (who) => communityField(who, 'memberByExternalId(externalId: "crm-1") { id }'),
  'Community.apiKeys': (who) => communityField(who, 'apiKeys { id name }'),
  'Community.demand': (who) => communityField(who, 'demand(first: 5) { ideas { voters trend } }'),
  'Community.demandCsv': (who) => communityField(who, 'demandCsv'),
  'Community.segments': (who) => communityField(who, 'segments { id memberCount }'),
  'Community.segment': (who) => communityField(who, 'segment(id: "00000000-0000-4000-8000-000000000000") { id }'),
  'Community.segmentPreview': (who) =>
    communityField(who, 'segmentPreview(rules: { standing: AMBASSADORS }) { memberCount }'),
  'Mutation.saveSegment': (who) =>
    call(who, 'mutation { saveSegment(name: "Ambassadors", rules: { standing: AMBASSADORS }) { id } }'),
  'Community.asks': (who) => communityField(who, 'asks { id }'),
  'Community.ask': (who) => communityField(who, 'ask(id: "00000000-0000-4000-8000-000000000000") { id }'),
  'Mutation.createAsk': (who) =>
    call(who, 'mutation ($i: AskInput!) { createAsk(input: $i) { id } }', {
      i: { question: 'Would you buy it?', closesAt: new Date(Date.now() + 86_400_000) },
    }),
  'Mutation.updateAsk': async (who) =>
    call(who, 'mutation ($id: ID!) { updateAsk(id: $id, input: { details: "More" }) { id } }', { id: await someAsk() }),
  'Mutation.publishAsk': async (who) => {
    const id = await someAsk();
    const result = await call(who, 'mutation ($id: ID!) { publishAsk(id: $id) { id } }', { id });
    if (!result.errors) await closeAsk(id);
    return result;
  },
  'Mutation.closeAsk': async (who) => {
    const id = await someAsk('open');
    const result = await call(who, 'mutation ($id: ID!) { closeAsk(id: $id) { id } }', { id });
    if (result.errors) await closeAsk(id);
    return result;
  },
  'Mutation.deleteAsk': async (who) => call(who, 'mutation ($id: ID!) { deleteAsk(id: $id) }', { id: await someAsk() }),
  'Mutation.openAskFollowUp': async (who) =>
    call(who, 'mutation ($id: ID!) { openAskFollowUp(id: $id, kind: IDEA, title: "What you told us") { id } }', {
      id: await someAsk('published'),
    }),
  'Mutation.answerAsk': async (who) => {
    sharedOpenAsk ??= await someAsk('open');
    return call(who, 'mutation ($id: ID!) { answerAsk(id: $id, choices: [0]) { id } }', { id: sharedOpenAsk });
  },
  'Subscription.askEvents': async (who) => {
    const live = subscribe(
      server.endpoint,
      'subscription ($c: String!, $id: ID!) { askEvents(community: $c, id: $id) { __typename } }',
      { token: who.token, cookie: who.client.cookie, variables: { c: brand.slug, id: await someAsk('published') } },
    );
    try {
      return await live.ready;
    } finally {
      live.close();
    }
  },
  'Mutation.deleteSegment': async (who) => {
    const made = await (await signedStaff()).data('mutation { saveSegment(name: "To remove", rules: {}) { id } }');
    return call(who, 'mutation ($id: ID!) { deleteSegment(id: $id) }', { id: made.saveSegment.id });
  },
  'Mutation.createApiKey': (who) =>
    call(who, 'mutation { createApiKey(name: "Another server", scopes: [READ_MEMBERS]) { key } }'),
  'Mutation.revokeApiKey': async (who) => {
    const made = await (await signedStaff()).data(
      'mutation { createApiKey(name: "To revoke", scopes: [READ_MEMBERS]) { apiKey { id } } }',
    );
    return call(who, 'mutation ($id: ID!) { revokeApiKey(id: $id) { revokedAt } }', {
      id: made.createApiKey.apiKey.id,
    });
  },
  'Mutation.upsertMembers': (who) =>
    call(who, 'mutation ($m: [MemberUpsertInput!]!) { upsertMembers(members: $m) { id } }', {
      m: [{ externalId: `crm-${++counter}`, name: 'From the CRM', attributes: { plan: 'pro' } }],
    }),
  'Community.webhooks': (who) => communityField(who, 'webhooks { id }'),
  'Community.privacySettings': (who) => communityField(who, 'privacySettings { deletionGraceDays }'),
  'Community.cleanupPreview': (who) => communityField(who, 'cleanupPreview(rule: UNSUBSCRIBED) { total }'),
  'Community.cleanups': (who) => communityField(who, 'cleanups { id }'),
  'Community.handovers': (who) => communityField(who, 'handovers { id }'),
  'Community.handover': (who) => communityField(who, 'handover(id: "00000000-0000-4000-8000-000000000000") { id }'),
  'Community.staffMembers': (who) => communityField(who, 'staffMembers { id }'),
  'Community.reports': (who) => communityField(who, 'reports(first: 5) { edges { cursor } }'),
  'Community.auditLog': (who) => communityField(who, 'auditLog(first: 5) { edges { cursor } }'),
  'Community.allowedOrigins': (who) => communityField(who, 'allowedOrigins'),
  'Community.ssoKeys': (who) => communityField(who, 'ssoKeys { keyId }'),
  'Mutation.createChangelogEntry': (who) =>
    call(who, 'mutation { createChangelogEntry(input: { title: "Auth matrix news" }) { id } }'),
  'Mutation.updateChangelogEntry': async (who) =>
    call(who, 'mutation ($id: ID!) { updateChangelogEntry(id: $id, input: { body: "Changed" }) { id } }', {
      id: await someEntry(),
    }),
  'Mutation.publishChangelogEntry': async (who) =>
    call(who, 'mutation ($id: ID!) { publishChangelogEntry(id: $id) { id } }', { id: await someEntry() }),
  'Mutation.unpublishChangelogEntry': async (who) => {
    const id = await someEntry();
    await (await signedStaff()).data('mutation ($id: ID!) { publishChangelogEntry(id: $id) { id } }', {
      variables: { id },
    });
    return call(who, 'mutation ($id: ID!) { unpublishChangelogEntry(id: $id) { id } }', { id });
  },
  'Mutation.deleteChangelogEntry': async (who) =>
    call(who, 'mutation ($id: ID!) { deleteChangelogEntry(id: $id) }', { id: await someEntry() }),
  'Query.formattedPreview': (who) => call(who, '{ formattedPreview(text: "**bold**") }'),
  'Mutation.markChangelogRead': (who) => call(who, 'mutation { markChangelogRead }'),
  'Mutation.setFollowOnVote': (who) => call(who, 'mutation { setFollowOnVote(followOnVote: true) }'),
  'Mutation.setMyLocale': (who) => call(who, 'mutation { setMyLocale(locale: "de") }'),
  'Mutation.updateOutreachSettings': (who) =>
    call(who, 'mutation { updateOutreachSettings(input: { roadmapEnabled: true }) { id } }'),
  'Mutation.rotateInboundEmailSecret': (who) => call(who, 'mutation { rotateInboundEmailSecret }'),
  'Community.outreach': (who) => communityField(who, 'outreach { roadmapEnabled }'),
  'Subscription.viewerEvents': async (who) => {
    const live = subscribe(server.endpoint, 'subscription ($c: String!) { viewerEvents(community: $c) { type } }', {
      token: who.token,
      cookie: who.client.cookie,
      variables: { c: brand.slug },
    });
    try {
      return await live.ready;
    } finally {
      live.close();
    }
  },
  'Subscription.threadEvents': async (who) => {
    const live = subscribe(
      server.endpoint,
      'subscription ($c: String!, $id: ID!) { threadEvents(community: $c, threadId: $id) { __typename } }',
      {
        token: who.token,
        cookie: who.client.cookie,
        variables: { c: brand.slug, id: await someThread() },
      },
    );
    try {
      return await live.ready;
    } finally {
      live.close();
    }
  },
};

beforeAll(async () => {
  server = await startTestServer();
  brand = await createTestCommunity(server.em());
});
afterAll(() => server?.close());

it('covers every root operation and every restricted field of the schema, and AUTHORIZATION.md is current', () => {
  const roots = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()];
  const operations = roots.flatMap((type) =>
    type ? Object.keys(type.getFields()).map((field) => `${type.name}.${field}`) : [],
  );
  const community = schema.getType('Community') as GraphQLObjectType;
  for (const field of Object.values(community.getFields())) {
    if ((field.extensions?.pothosOptions as { authScopes?: unknown } | undefined)?.authScopes)
      operations.push(`Community.${field.name}`);
  }
  expect(Object.keys(AUTHORIZATION).sort()).toEqual(operations.sort());
  expect(Object.keys(RECIPES).sort()).toEqual(operations.sort());
  expect(readFileSync(new URL('../../AUTHORIZATION.md', import.meta.url), 'utf8')).toBe(authorizationMarkdown());
});

describe.each(Object.entries(AUTHORIZATION))('%s', (operation, permission) => {
  it.each(ROLES)(`as %s`, async (role) => {
    const recipe = RECIPES[operation];
    if (!recipe) throw new Error(`no recipe for ${operation}`);
    const result = await recipe(await as(role));
    const refusal = result.errors?.find((e) => ['UNAUTHENTICATED', 'FORBIDDEN'].includes(String(e.extensions?.code)));
    if (permission.allowed.includes(role)) {
      expect(result.errors ?? [], `${operation} as ${role} should be allowed`).toEqual([]);
    } else {
      expect(refusal, `${operation} as ${role} should be refused: ${JSON.stringify(result)}`).toBeDefined();
    }
  });
});
