/** The audit log reads as names: who acted (staff, a member on their own account, the system) and whom it concerned. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { globalId, guestToken, type TestCommunity } from '../testing/fixtures.ts';
import type { GraphQLClient } from '../testing/graphql-client.ts';
import { startTestBrand, type TestServer } from '../testing/server.ts';

let server: TestServer;
let brand: TestCommunity;
let manager: GraphQLClient;

const LOG = `query ($s: String!, $a: String) { community(slug: $s) { auditLog(first: 20, action: $a) { edges { node {
  action targetId after actor { name } actorMember { displayName } references { id type name } } } } } }`;
const entries = async (action: string) =>
  (await manager.data(LOG, { variables: { s: brand.slug, a: action } })).community.auditLog.edges.map(
    (e: { node: unknown }) => e.node,
  );

beforeAll(async () => {
  ({ server, brand, manager } = await startTestBrand());
});
afterAll(() => server?.close());

it('names the staff in a handover, the successors included, instead of showing their ids', async () => {
  await manager.data(
    'mutation ($a: ID!, $b: [ID!]!) { deactivateStaff(staffId: $a, successorIds: $b) { movedThreads } }',
    {
      variables: {
        a: globalId('StaffMember', brand.staff.id),
        b: [globalId('StaffMember', brand.owner.id), globalId('StaffMember', brand.agency.id)],
      },
    },
  );
  const [handover] = await entries('staff.handover');
  expect(handover.actor).toEqual({ name: brand.manager.name });
  expect(handover.targetId).toBe(brand.staff.id);
  expect(handover.after.sharedWith).toEqual(expect.arrayContaining([brand.owner.id, brand.agency.id]));
  const names = Object.fromEntries(handover.references.map((r: { id: string; name: string }) => [r.id, r.name]));
  expect(names).toMatchObject({
    [brand.staff.id]: brand.staff.name,
    [brand.owner.id]: brand.owner.name,
    [brand.agency.id]: brand.agency.name,
  });
  expect(handover.references.find((r: { id: string }) => r.id === brand.staff.id).type).toBe('StaffMember');
  const to = handover.references.find((r: { id: string }) => r.id === handover.after.to).name;
  expect(names[handover.after.handover]).toBe(`${brand.staff.name} → ${to}`);
});

it('shows a member’s own deletion request as theirs, not the system’s', async () => {
  const token = await guestToken(server.client(), brand.slug, 'Dana Delete');
  await server.client().data('mutation { requestAccountDeletion }', { token });
  const [request] = await entries('member.deletion-requested');
  expect(request.actor).toBeNull();
  expect(request.actorMember).toEqual({ displayName: 'Dana Delete' });
  expect(request.references).toEqual([{ id: request.targetId, type: 'Member', name: 'Dana Delete' }]);
});
