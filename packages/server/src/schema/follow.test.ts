import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestCommunity, guestToken, postThread, signInStaff, type TestCommunity } from '../testing/fixtures.ts';
import { startTestServer, type TestServer } from '../testing/server.ts';

let server: TestServer;
let brand: TestCommunity;

const FOLLOW = 'mutation ($id: ID!) { follow(threadId: $id) { followerCount viewerIsFollowing } }';
const UNFOLLOW = 'mutation ($id: ID!) { unfollow(threadId: $id) { followerCount viewerIsFollowing } }';

beforeAll(async () => {
  server = await startTestServer();
  brand = await createTestCommunity(server.em());
});
afterAll(() => server?.close());

it('follows and unfollows, once each, for customers and staff', async () => {
  const author = await guestToken(server.client(), brand.slug, 'Author');
  const id = await postThread(server.client(), author, { title: 'Follow me' });
  const fan = await guestToken(server.client(), brand.slug, 'Fan');
  const client = server.client();
  expect((await client.data(FOLLOW, { token: fan, variables: { id } })).follow).toEqual({
    followerCount: 2,
    viewerIsFollowing: true,
  });
  expect((await client.data(FOLLOW, { token: fan, variables: { id } })).follow).toEqual({
    followerCount: 2,
    viewerIsFollowing: true,
  });
  const staff = server.client();
  await signInStaff(staff, brand.slug, brand.staff);
  expect((await staff.data(FOLLOW, { variables: { id } })).follow).toEqual({
    followerCount: 3,
    viewerIsFollowing: true,
  });
  expect((await client.data(UNFOLLOW, { token: fan, variables: { id } })).unfollow).toEqual({
    followerCount: 2,
    viewerIsFollowing: false,
  });
  expect((await client.data(UNFOLLOW, { token: fan, variables: { id } })).unfollow).toEqual({
    followerCount: 2,
    viewerIsFollowing: false,
  });
  expect((await client.data(UNFOLLOW, { token: author, variables: { id } })).unfollow.followerCount).toBe(1);
  expect(await client.error(FOLLOW, { variables: { id } })).toMatchObject({ code: 'UNAUTHENTICATED' });
});
