import { expect, it } from 'vitest';
import type { Member } from '../entities/index.ts';
import { lazyMemberActor, memberIdOf } from './actor.ts';

it("makes a lazy actor's member only when it is used, once, and knows its id without it", () => {
  let made = 0;
  const member = { id: 'm-1', displayName: 'Lou Lazy' } as Member;
  const actor = lazyMemberActor('GUEST', 'c-1', 'm-1', () => {
    made++;
    return member;
  });
  expect(memberIdOf(actor)).toBe('m-1');
  expect(actor).toMatchObject({ kind: 'GUEST', communityId: 'c-1' });
  expect(made).toBe(0);
  expect(actor.member).toBe(member);
  expect(actor.member).toBe(member);
  expect(made).toBe(1);
});

it('reads the id of an eager actor from its member', () => {
  const member = { id: 'm-2' } as Member;
  expect(memberIdOf({ kind: 'CUSTOMER', communityId: 'c-1', member })).toBe('m-2');
});
