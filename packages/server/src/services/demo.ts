import { randomBytes } from 'node:crypto';
import { verifyPassword } from '../auth/password.ts';
import type { EventBus } from '../core/events.ts';
import { openScope } from '../core/scope.ts';
import type { Em } from '../db/em.ts';
import { Community, Member, StaffMember } from '../entities/index.ts';
import { recordActivity } from './activity.ts';
import type { Actor, MemberActor, StaffActor } from './actor.ts';
import { createCommunity } from './communities.ts';
import { follow } from './follows.ts';
import { postReply } from './replies.ts';
import { createStaff } from './staff/sessions.ts';
import { postThread, setThreadStatus } from './threads.ts';
import { vote } from './votes.ts';

export const DEMO_SLUG = 'demo';
/**
 * On a developer's machine the demo's staff sign in with this published password. A production
 * server never uses it: there each account gets a random one (see `DemoPasswords`).
 */
export const DEMO_PASSWORD = 'demo-password';

/** `published`: every account has DEMO_PASSWORD (development); `random`: one each, shown once. */
export type DemoPasswords = 'published' | 'random';

export interface DemoSeed {
  slug: string;
  ssoSecret: string;
  ssoKeyId: string;
  staff: { email: string; name: string; role: string; password: string }[];
}

/** Seeds the demo community when the database holds no community yet; returns null otherwise. */
export async function seedDemoIfEmpty(em: Em, events: EventBus, passwords: DemoPasswords): Promise<DemoSeed | null> {
  if ((await em.count(Community, {})) > 0) return null;
  return seedDemo(em, events, passwords);
}

/**
 * What a production start must shout about: a demo community is present, and worse, some of its
 * staff still sign in with the published password, which makes anyone who read the README its owner.
 */
export async function demoWarnings(em: Em): Promise<string[]> {
  const demo = await em.findOne(Community, { slug: DEMO_SLUG }, { filters: { tenant: false } });
  if (!demo) return [];
  const staff = await em.find(
    StaffMember,
    { community: demo.id, active: true },
    { filters: { tenant: false }, orderBy: { email: 'asc' } },
  );
  const exposed: string[] = [];
  for (const member of staff) {
    if (member.passwordHash && (await verifyPassword(member.passwordHash, DEMO_PASSWORD))) exposed.push(member.email);
  }
  const warnings = [
    `The "${DEMO_SLUG}" demo community is present on this production server. Delete it or give it real staff before customers use it.`,
  ];
  if (exposed.length > 0) {
    warnings.push(
      `Staff of the "${DEMO_SLUG}" community still sign in with the published demo password: ${exposed.join(', ')}. Anyone can sign in as them. Deactivate them or change their passwords now.`,
    );
  }
  return warnings;
}

/**
 * The demo community: a brand (Acme Outdoor) with its own staff, an agency, customers and a few
 * conversations, all made through the same services the API uses, so counters and the activity
 * log are as real data would have them.
 */
export async function seedDemo(em: Em, events: EventBus, passwords: DemoPasswords): Promise<DemoSeed> {
  const { community, ssoSecret, ssoKeyId } = await createCommunity(em, { slug: DEMO_SLUG, name: 'Acme Outdoor' });
  const scope = openScope(em, community.id, events);
  const staffInput = [
    { email: 'dana@acme.example', name: 'Dana Whitfield', title: 'Head of Community', role: 'OWNER' },
    { email: 'sam@acme.example', name: 'Sam Ortiz', title: 'Product Manager', role: 'MANAGER' },
    {
      email: 'riley@northwind.example',
      name: 'Riley Chen',
      title: 'Support Specialist',
      role: 'AGENCY',
      agencyName: 'Northwind Agency',
    },
  ];
  const staff: StaffActor[] = [];
  const passwordOf = new Map<string, string>();
  for (const input of staffInput) {
    const password = passwords === 'published' ? DEMO_PASSWORD : randomBytes(15).toString('base64url');
    passwordOf.set(input.email, password);
    const member = await createStaff(scope.em, community.id, { ...input, password }, null);
    staff.push({ kind: 'STAFF', communityId: community.id, staff: member, session: null });
  }
  const [dana, sam, riley] = staff as [StaffActor, StaffActor, StaffActor];

  const customers: MemberActor[] = [];
  for (const [i, name] of ['Maya Patel', 'Jonas Berg', 'Aiko Tanaka', 'Luis Romero', 'Grace Okafor'].entries()) {
    const member = scope.em.create(Member, {
      community: community.id,
      kind: 'SSO',
      externalId: `demo-customer-${i + 1}`,
      displayName: name,
      email: `${name.split(' ')[0]?.toLowerCase()}@customer.example`,
    });
    const actor: MemberActor = { kind: 'CUSTOMER', communityId: community.id, member };
    recordActivity(scope.em, community.id, actor, { type: 'MEMBER_JOINED' });
    customers.push(actor);
  }
  await scope.em.flush();
  const [maya, jonas, aiko, luis, grace] = customers as [
    MemberActor,
    MemberActor,
    MemberActor,
    MemberActor,
    MemberActor,
  ];

  const say = (actor: Actor, threadId: string, body: string) => postReply(scope, actor, { threadId, body });
  const tent = await postThread(scope, maya, {
    kind: 'IDEA',
    title: 'Offer a lighter version of the Ridge 2 tent',
    body: 'I love the Ridge 2 but it is heavy for long hikes. A trail edition under 1.5 kg would be perfect.',
  });
  for (const voter of [jonas, aiko, luis, grace]) await vote(scope, voter, tent.id);
  await say(jonas, tent.id, 'Yes please — I would pay more for a lighter one.');
  await say(sam, tent.id, 'Thanks Maya! We are testing a lighter fabric this season; I will keep this thread posted.');
  await setThreadStatus(scope, sam, {
    threadId: tent.id,
    status: 'PLANNED',
    note: 'A trail edition is on the roadmap for next spring.',
  });

  const sizes = await postThread(scope, aiko, {
    kind: 'QUESTION',
    title: 'How do the hiking boots size compared to trainers?',
    body: 'I am a 39 in trainers. Should I order the same size in the Summit boots?',
  });
  await vote(scope, luis, sizes.id);
  await say(riley, sizes.id, 'Hi Aiko! The Summit runs half a size small, so we recommend a 39.5 or 40.');

  const zip = await postThread(scope, luis, {
    kind: 'PROBLEM',
    title: 'Jacket zip broke after two weeks',
    body: 'The main zip on my Storm jacket came apart. Is this covered by the warranty?',
  });
  await follow(scope, grace, zip.id);

  const praise = await postThread(scope, grace, {
    kind: 'PRAISE',
    title: 'The repair service was brilliant',
    body: 'Sent my backpack in for repair and it came back in a week, good as new. Thank you!',
  });
  await vote(scope, maya, praise.id);
  await say(dana, praise.id, 'That made our day, Grace — thank you for telling us!');

  const bottle = await postThread(scope, jonas, {
    kind: 'IDEA',
    title: 'Bring back the insulated bottle in green',
    body: 'The forest green colour was the best one.',
  });
  await vote(scope, aiko, bottle.id);

  return {
    slug: DEMO_SLUG,
    ssoSecret,
    ssoKeyId,
    staff: staffInput.map(({ email, name, role }) => ({ email, name, role, password: passwordOf.get(email) ?? '' })),
  };
}
