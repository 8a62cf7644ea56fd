/**
 * The admin console end to end, as staff and managers use it: the real server process serving
 * /admin, a real database, Chromium driven by Playwright; and beside it the widget on the brand's
 * page in a second browser page, where customers see what staff do.
 */
import { GraphQLClient } from '@rapport/server/testing/graphql-client.ts';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { STAFF, type Stack, startStack } from './stack.ts';

let stack: Stack;
const MANAGER = { email: 'mia@brand.example', password: 'manager password 1', name: 'Mia Manager' };
const SUCCESSOR = { email: 'una@brand.example', password: 'successor password 1', name: 'Una Successor' };

beforeAll(async () => {
  stack = await startStack();
  await stack.addStaff(MANAGER, 'manager');
  await stack.addStaff(SUCCESSOR, 'staff');
}, 60_000);
afterAll(() => stack?.close());

const signIn = (account: { email: string; password: string }) => stack.signInToConsole(account);

/** A customer on the brand's page with a thread open in the widget. */
async function customerOn(title: string, path = '/') {
  const customer = await stack.open(path);
  await customer.page.getByRole('button', { name: title, exact: true }).click();
  await customer.page.getByRole('heading', { name: title }).waitFor();
  await expect.poll(() => customer.page.locator('rapport-thread-view .live').textContent()).toContain('Live');
  return customer;
}

it('staff find an unanswered idea in the inbox, reply as themselves, and the customer sees it live with name and badge', async () => {
  const customer = await stack.post('/signed-in/ivy', 'Wishlist sharing');
  await expect.poll(() => customer.page.locator('rapport-thread-view .live').textContent()).toContain('Live');

  const { page, problems } = await signIn(STAFF);
  const item = page.getByRole('listitem').filter({ hasText: 'Wishlist sharing' });
  await item.waitFor();
  expect(await item.textContent()).toMatch(/waiting \d+ minutes?/);
  await item.getByRole('link', { name: 'Wishlist sharing' }).click();
  await page.getByRole('heading', { name: 'Wishlist sharing', level: 1 }).waitFor();
  // The relationship brief beside the thread: who the customer is.
  await page
    .getByRole('complementary')
    .getByRole('heading', { name: /Customer ivy/ })
    .waitFor();

  await page.getByLabel('Your reply').fill('Great idea, Ivy! We are on it.');
  const preview = page.getByRole('region', { name: 'How customers will see it' });
  expect(await preview.textContent()).toContain('Sam Support');
  expect(await preview.textContent()).toContain('Support Lead');
  await page.getByRole('button', { name: 'Send reply' }).click();
  await page.getByRole('list', { name: 'Conversation' }).getByText('Great idea, Ivy! We are on it.').waitFor();

  const reply = customer.page.locator('rapport-thread-view li', { hasText: 'Great idea, Ivy! We are on it.' });
  await reply.waitFor();
  expect(await reply.textContent()).toContain('Sam Support');
  expect(await reply.textContent()).toContain('Support Lead');
  expect(await reply.locator('[part=staff-badge]').textContent()).toBe('Staff');

  // Answered: the idea leaves the inbox.
  await page.getByRole('link', { name: 'Inbox' }).first().click();
  await page.getByText('Nobody is waiting').waitFor();
  expect(problems).toEqual([]);
  expect(customer.problems).toEqual([]);
  await page.context().close();
  await customer.page.close();
});

it('a manager changes a status with a note, and a follower sees the note live', async () => {
  const staff = await stack.staff();
  const { postThread } = await staff.data('mutation { postThread(input: { kind: IDEA, title: "Gift cards" }) { id } }');
  const follower = await customerOn('Gift cards', '/signed-in/finn');
  const follow = follower.page.getByRole('button', { name: /^Follow/ });
  await follow.click();
  await expect.poll(() => follow.getAttribute('aria-pressed')).toBe('true');

  const { page, problems } = await signIn(MANAGER);
  await page.goto(`${stack.server.url}/admin/threads/${encodeURIComponent(postThread.id)}`);
  await page.getByRole('heading', { name: 'Gift cards', level: 1 }).waitFor();
  await page.getByLabel('Status', { exact: true }).selectOption('PLANNED');
  await page.getByLabel('Note for followers (optional)').fill('Planned for December, in time for the holidays.');
  await page.getByRole('button', { name: 'Update status' }).click();
  await page.getByText('followers will see it').waitFor();

  const note = follower.page.locator('rapport-thread-view [part=status-note]');
  await note.waitFor();
  expect(await note.textContent()).toContain('Planned for December, in time for the holidays.');
  expect(await note.textContent()).toContain('Mia Manager');
  expect(problems).toEqual([]);
  expect(follower.problems).toEqual([]);
  await page.context().close();
  await follower.page.close();
});

it('a manager deactivates a staff member choosing a successor, who then owns the open threads', async () => {
  const staff = await stack.staff();
  const guest = new GraphQLClient(`${stack.server.url}/graphql`);
  const { startGuestSession } = await guest.data(
    'mutation ($c: String!) { startGuestSession(community: $c, displayName: "Nils") { token } }',
    { variables: { c: stack.community.slug } },
  );
  const { postThread } = await guest.data(
    'mutation { postThread(input: { kind: QUESTION, title: "Shipping to Norway?" }) { id } }',
    { token: startGuestSession.token },
  );
  // Sam answered Nils before: Sam owns the relationship, so the brief will be about Nils.
  const { postThread: earlier } = await guest.data(
    'mutation { postThread(input: { kind: QUESTION, title: "Do you ship to Oslo?" }) { id } }',
    { token: startGuestSession.token },
  );
  await staff.data('mutation ($i: ReplyInput!) { reply(input: $i) { id } }', {
    variables: { i: { threadId: earlier.id, body: 'We do, in 3 to 5 days.' } },
  });
  const leaving = await staff.data('{ viewer { staff { id } } }');
  await staff.data('mutation ($t: ID!, $s: ID) { assignThread(threadId: $t, staffId: $s) { id } }', {
    variables: { t: postThread.id, s: leaving.viewer.staff.id },
  });

  const { page, problems } = await signIn(MANAGER);
  await page.getByRole('link', { name: 'Staff' }).click();
  const card = page.getByRole('article').filter({ has: page.getByRole('heading', { name: 'Sam Support' }) });
  await card.getByRole('button', { name: 'Deactivate' }).click();
  await card.getByRole('button', { name: 'Deactivate and hand over' }).click();
  await card.getByText('Choose who takes over').waitFor();
  await card.getByRole('group', { name: 'Who takes over their work?' }).getByLabel(SUCCESSOR.name).check();
  await card.getByRole('button', { name: 'Deactivate and hand over' }).click();
  await card.getByText(`to ${SUCCESSOR.name}`).waitFor();
  await card.getByText('Former staff').waitFor();
  // Sam can no longer sign in; the thread is Una's.
  expect((await staff.request('{ viewer { kind } }')).data?.viewer).toBeNull();

  // The successor's brief: who Nils is and what Nils still waits for.
  await card.getByRole('link', { name: 'Read the handover brief' }).click();
  const brief = page.getByRole('region', { name: 'Nils' });
  await brief.waitFor();
  await brief.getByRole('link', { name: 'Shipping to Norway?' }).waitFor();
  expect(await brief.getByRole('link', { name: 'Do you ship to Oslo?' }).count()).toBe(0);
  expect(await page.getByRole('group').first().textContent()).toContain(`Sam Support → ${SUCCESSOR.name}`);
  expect(problems).toEqual([]);
  await page.context().close();

  const successor = await signIn(SUCCESSOR);
  await successor.page.getByLabel('Assigned to me').check();
  const mine = successor.page.getByRole('listitem').filter({ hasText: 'Shipping to Norway?' });
  await mine.waitFor();
  expect(await mine.textContent()).toContain(`Assigned to ${SUCCESSOR.name}`);
  await successor.page.context().close();
});

it("the console's own pages keep to its CSP: Settings shows saved colours, with no violation", async () => {
  const { page, problems } = await signIn(MANAGER);
  const violations: string[] = [];
  await page.exposeFunction('rapportViolation', (v: string) => violations.push(v));
  await page.evaluate(() =>
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as { rapportViolation: (v: string) => void }).rapportViolation(
        `${e.violatedDirective} ${e.blockedURI} ${e.sample}`,
      ),
    ),
  );
  await page.getByRole('link', { name: 'Settings' }).click();
  const accent = page.getByLabel('Accent (buttons, links), light scheme');
  await accent.fill('#0a6e46');
  await page.getByRole('button', { name: 'Save theme' }).click();
  await page.getByText('Theme saved').waitFor();
  await page.reload();
  await page.evaluate(() =>
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as { rapportViolation: (v: string) => void }).rapportViolation(
        `${e.violatedDirective} ${e.blockedURI} ${e.sample}`,
      ),
    ),
  );
  await page.getByLabel('Accent (buttons, links), light scheme').waitFor();
  // The saved colour's swatch shows it (it was blank: its inline style was refused).
  await expect
    .poll(() =>
      page.evaluate(() => {
        const find = (root: Document | ShadowRoot, selector: string): Element | null => {
          const hit = root.querySelector(selector);
          if (hit) return hit;
          for (const el of root.querySelectorAll('*')) {
            const inner = el.shadowRoot && find(el.shadowRoot, selector);
            if (inner) return inner;
          }
          return null;
        };
        const input = find(document, '[id="theme--rapport-accent"]');
        const swatch = input?.parentElement?.querySelector('.swatch');
        return swatch ? getComputedStyle(swatch).backgroundColor : null;
      }),
    )
    .toBe('rgb(10, 110, 70)');
  const preview = page.locator('rapport-community[data-scheme="light"]');
  // The widget starts as it comes near the screen, as on a brand's page: scroll down to it.
  await preview.scrollIntoViewIfNeeded();
  await preview.getByRole('button', { name: 'New post' }).waitFor();
  expect(
    await preview.getByRole('button', { name: 'New post' }).evaluate((b) => getComputedStyle(b).backgroundColor),
  ).toBe('rgb(10, 110, 70)');
  expect(violations).toEqual([]);
  expect(problems).toEqual([]);
  await page.context().close();
});
