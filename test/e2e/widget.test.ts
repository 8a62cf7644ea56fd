/**
 * The widget as a brand's customers meet it: embedded with the two-line snippet on a page served
 * from another origin, with a strict CSP and hostile CSS, against the real server process and a
 * real database, driven in Chromium by Playwright.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Stack, startStack } from './stack.ts';

let stack: Stack;
const open = (path?: string) => stack.open(path);

beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack?.close());

describe('embedded on another origin with a strict CSP and hostile CSS', () => {
  it("renders, untouched by the host page's CSS, with no CSP violation", async () => {
    const staff = await stack.staff();
    await staff.data('mutation { postThread(input: { kind: IDEA, title: "Welcome to our community" }) { id } }');
    const { page, problems } = await open();
    const title = page.getByRole('button', { name: 'Welcome to our community', exact: true });
    await title.waitFor();
    expect(await title.isVisible()).toBe(true);
    const newPost = page.getByRole('button', { name: 'New post' });
    const style = await newPost.evaluate((el) => {
      const s = getComputedStyle(el);
      return { display: s.display, color: s.color, fontSize: s.fontSize, font: s.fontFamily };
    });
    expect(style.display).not.toBe('none');
    expect(style.color).not.toBe('rgb(255, 0, 0)');
    expect(style.fontSize).not.toBe('40px');
    expect(style.font).not.toContain('Comic Sans');
    // The widget's own styles do not leak out either.
    expect(await page.getByRole('heading', { name: 'Brand shop' }).evaluate((el) => getComputedStyle(el).display)).toBe(
      'inline',
    );
    expect(problems).toEqual([]);
    await page.close();
  });

  it('lets a guest post an idea', async () => {
    const { page, problems } = await open();
    await page.getByRole('button', { name: 'New post' }).click();
    await page.getByLabel('Title').fill('Gift wrapping at checkout');
    await page.getByLabel('Details').fill('For birthdays.');
    await page.getByRole('button', { name: 'Post', exact: true }).click();
    await page.getByRole('dialog', { name: 'Join the conversation' }).waitFor();
    await page.getByLabel('Your name').fill('Gina Guest');
    await page.getByRole('button', { name: 'Continue' }).click();
    // Joining does not lose the post: it goes out as soon as the guest has a name.
    await page.getByRole('heading', { name: 'Gift wrapping at checkout' }).waitFor();
    await expect
      .poll(() => page.locator('rapport-thread-view [part=author]').first().textContent())
      .toContain('Gina Guest');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('lets an SSO customer vote and reply, and shows a staff reply made through the API live', async () => {
    const staff = await stack.staff();
    const { postThread } = await staff.data(
      'mutation { postThread(input: { kind: QUESTION, title: "Tell us about your setup" }) { id } }',
    );
    const { page, problems } = await open('/signed-in/cora');
    await expect
      .poll(() => page.locator('rapport-community header').textContent())
      .toContain('Posting as Customer cora');
    await page.getByRole('button', { name: 'Tell us about your setup', exact: true }).click();
    await page.getByRole('heading', { name: 'Tell us about your setup' }).waitFor();
    const vote = page.getByRole('button', { name: /Vote for “Tell us about your setup”/i });
    await vote.click();
    await expect.poll(() => vote.getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => vote.textContent()).toContain('1');
    await page.getByLabel('Your reply').fill('Two tents and a canoe.');
    await page.getByRole('button', { name: 'Reply', exact: true }).click();
    await page.getByText('Two tents and a canoe.').waitFor();
    await expect.poll(() => page.locator('rapport-thread-view .live').textContent()).toContain('Live');

    await staff.data('mutation ($id: ID!) { reply(input: { threadId: $id, body: "Thanks Cora, noted!" }) { id } }', {
      variables: { id: postThread.id },
    });
    const staffReply = page.locator('rapport-thread-view li', { hasText: 'Thanks Cora, noted!' });
    await staffReply.waitFor();
    expect(await staffReply.textContent()).toContain('Sam Support');
    expect(await staffReply.textContent()).toContain('Support Lead');
    expect(await staffReply.locator('[part=staff-badge]').textContent()).toBe('Staff');
    await expect
      .poll(() => page.locator('rapport-thread-view .sr-only[role=status]').textContent())
      .toContain('New reply from Sam Support');
    expect(problems).toEqual([]);
    await page.close();
  });
});
