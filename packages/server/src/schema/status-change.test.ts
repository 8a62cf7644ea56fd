import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Activity, AuditLog, StatusChange } from '../entities/index.ts';
import {
  ALL_COMMUNITIES,
  createTestCommunity,
  guestToken,
  postThread,
  rawId,
  signInStaff,
  ssoToken,
  type TestCommunity,
} from '../testing/fixtures.ts';
import { startTestServer, type TestServer } from '../testing/server.ts';

let server: TestServer;
let brand: TestCommunity;
let other: TestCommunity;
let customer: string;

const SET = `mutation ($input: SetThreadStatusInput!) { setThreadStatus(input: $input) {
  from to note staff { name } thread { status lastStatusChange { to note } }
} }`;
const HISTORY = `query ($s: String!, $id: ID!) { community(slug: $s) { thread(id: $id) {
  status statusChanges(first: 10) { edges { node { from to note staff { name title } } } }
} } }`;

beforeAll(async () => {
  server = await startTestServer();
  brand = await createTestCommunity(server.em());
  other = await createTestCommunity(server.em());
  customer = await ssoToken(brand, { sub: 'idea-author', name: 'Ida' });
});
afterAll(() => server?.close());

describe('setThreadStatus', () => {
  it('moves a thread through statuses with notes, recording history, activity and audit', async () => {
    const id = await postThread(server.client(), customer, { title: 'Export to CSV' });
    const staff = server.client();
    await signInStaff(staff, brand.slug, brand.manager);
    const planned = await staff.data(SET, {
      variables: { input: { threadId: id, status: 'PLANNED', note: 'Coming in Q3' } },
    });
    expect(planned.setThreadStatus).toEqual({
      from: 'OPEN',
      to: 'PLANNED',
      note: 'Coming in Q3',
      staff: { name: 'Mia' },
      thread: { status: 'PLANNED', lastStatusChange: { to: 'PLANNED', note: 'Coming in Q3' } },
    });
    await staff.data(SET, { variables: { input: { threadId: id, status: 'SHIPPED' } } });
    const history = await server.client().data(HISTORY, { variables: { s: brand.slug, id } });
    expect(history.community.thread.status).toBe('SHIPPED');
    expect(history.community.thread.statusChanges.edges.map((e: any) => e.node)).toEqual([
      { from: 'PLANNED', to: 'SHIPPED', note: null, staff: { name: 'Mia', title: 'Community Manager' } },
      { from: 'OPEN', to: 'PLANNED', note: 'Coming in Q3', staff: { name: 'Mia', title: 'Community Manager' } },
    ]);
    const em = server.em();
    expect(await em.count(StatusChange, { thread: rawId(id) }, ALL_COMMUNITIES)).toBe(2);
    const activity = await em.find(Activity, { thread: rawId(id), type: 'STATUS_CHANGED' }, ALL_COMMUNITIES);
    expect(activity).toHaveLength(2);
    expect(activity.every((a) => a.subjectMember !== null && a.actorStaff?.id === brand.manager.id)).toBe(true);
    const audit = await em.find(
      AuditLog,
      { targetId: rawId(id), action: 'thread.status' },
      { ...ALL_COMMUNITIES, orderBy: { createdAt: 'asc' } },
    );
    expect(audit.map((a) => [a.before, a.after])).toEqual([
      [{ status: 'OPEN' }, { status: 'PLANNED', note: 'Coming in Q3' }],
      [{ status: 'PLANNED' }, { status: 'SHIPPED', note: null }],
    ]);
  });

  it('is for staff only', async () => {
    const id = await postThread(server.client(), customer, { title: 'Not yours to plan' });
    const input = { threadId: id, status: 'PLANNED' };
    expect(await server.client().error(SET, { variables: { input } })).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(await server.client().error(SET, { token: customer, variables: { input } })).toMatchObject({
      code: 'FORBIDDEN',
    });
    const guest = await guestToken(server.client(), brand.slug);
    expect(await server.client().error(SET, { token: guest, variables: { input } })).toMatchObject({
      code: 'FORBIDDEN',
    });
    const outsider = server.client();
    await signInStaff(outsider, other.slug, other.staff);
    expect(await outsider.error(SET, { variables: { input } })).toMatchObject({ code: 'NOT_FOUND' });
    expect(await server.em().count(StatusChange, { thread: rawId(id) }, ALL_COMMUNITIES)).toBe(0);
  });

  it('refuses a no-op change and an overlong note', async () => {
    const id = await postThread(server.client(), customer, { title: 'Edge cases' });
    const staff = server.client();
    await signInStaff(staff, brand.slug, brand.staff);
    expect(await staff.error(SET, { variables: { input: { threadId: id, status: 'OPEN' } } })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'status',
    });
    expect(
      await staff.error(SET, { variables: { input: { threadId: id, status: 'PLANNED', note: 'n'.repeat(1001) } } }),
    ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'note' });
  });
});
