/**
 * The widget for everyone: no serious accessibility violations (axe-core), every action by
 * keyboard alone, usable from 320 px wide, dark when the reader prefers dark, themable by the brand.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './axe.ts';
import { type Stack, startStack } from './stack.ts';

let stack: Stack;

beforeAll(async () => {
  stack = await startStack();
  const staff = await stack.staff();
  const { postThread } = await staff.data(
    'mutation { postThread(input: { kind: QUESTION, title: "How long is shipping?", body: "To Norway." }) { id } }',
  );
  await staff.data('mutation ($id: ID!) { reply(input: { threadId: $id, body: "Three to five days." }) { id } }', {
    variables: { id: postThread.id },
  });
  await staff.data(
    'mutation ($id: ID!) { setThreadStatus(input: { threadId: $id, status: UNDER_REVIEW, note: "Checking with the carrier" }) { id } }',
    { variables: { id: postThread.id } },
  );
});
afterAll(() => stack?.close());

describe('accessibility', () => {
  it('has no serious or critical axe violations in the list, a thread, the forms and the join dialog', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      const { page } = await stack.open();
      await page.emulateMedia({ colorScheme: scheme });
      await page.getByRole('button', { name: 'How long is shipping?', exact: true }).waitFor();
      expect(await seriousViolations(page), `list (${scheme})`).toEqual([]);
      await page.getByRole('button', { name: 'How long is shipping?', exact: true }).click();
      await page.getByText('Three to five days.').waitFor();
      expect(await seriousViolations(page), `thread (${scheme})`).toEqual([]);
      await page.getByRole('button', { name: 'Follow' }).click();
      await page.getByRole('dialog').waitFor();
      expect(await seriousViolations(page), `join dialog (${scheme})`).toEqual([]);
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: /Back to all posts/ }).click();
      await page.getByRole('button', { name: 'New post' }).click();
      await page.getByRole('button', { name: 'Post', exact: true }).click();
      await page.locator('#title-error').waitFor();
      expect(await seriousViolations(page), `post form with errors (${scheme})`).toEqual([]);
      await page.close();
    }
  });

  it("has no serious axe violations in a member's account panel (its own chunk, loaded across origins)", async () => {
    for (const scheme of ['light', 'dark'] as const) {
      const { page } = await stack.open();
      await page.emulateMedia({ colorScheme: scheme });
      await page.getByRole('button', { name: 'How long is shipping?', exact: true }).click();
      await page.getByRole('button', { name: 'Follow' }).click();
      await page.getByLabel('Your name').fill(`Ada ${scheme}`);
      await page.getByRole('button', { name: 'Continue' }).click();
      await page.getByRole('button', { name: 'Following' }).waitFor();
      await page.getByRole('button', { name: /Your account/ }).click();
      await page.getByRole('heading', { name: 'Your account', exact: true }).waitFor();
      await page.getByRole('button', { name: 'Download my data' }).waitFor();
      expect(await seriousViolations(page), `account panel (${scheme})`).toEqual([]);
      await page.close();
    }
  });

  it('can be used by keyboard alone: open a thread, join, vote, reply, go back', async () => {
    const { page, problems } = await stack.open('/signed-in/kim');
    await page.getByRole('button', { name: 'How long is shipping?', exact: true }).waitFor();
    /** Whether this element has the keyboard focus (looking through shadow roots). */
    const focused = (locator: ReturnType<typeof page.locator>) =>
      locator.evaluate((el) => {
        let active: Element | null = document.activeElement;
        while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
        return active === el;
      });
    const title = page.getByRole('button', { name: 'How long is shipping?', exact: true });
    // Tab through the toolbar to the thread's title.
    for (let i = 0; i < 40 && !(await focused(title)); i++) await page.keyboard.press('Tab');
    expect(await focused(title)).toBe(true);
    await page.keyboard.press('Enter');
    const heading = page.getByRole('heading', { name: 'How long is shipping?' });
    await heading.waitFor();
    // Focus moved to the thread's heading; Shift+Tab reaches the vote button.
    await expect.poll(() => focused(heading)).toBe(true);
    const vote = page.getByRole('button', { name: /Vote for “How long is shipping\?”/i });
    for (let i = 0; i < 5 && !(await focused(vote)); i++) await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Space');
    await expect.poll(() => vote.getAttribute('aria-pressed')).toBe('true');
    const reply = page.getByLabel('Your reply');
    for (let i = 0; i < 30 && !(await focused(reply)); i++) await page.keyboard.press('Tab');
    expect(await focused(reply)).toBe(true);
    await page.keyboard.type('Typed with the keyboard only.');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByText('Typed with the keyboard only.').waitFor();
    const back = page.getByRole('button', { name: /Back to all posts/ });
    for (let i = 0; i < 30 && !(await focused(back)); i++) await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    // Back in the list, with focus where the reader left it.
    await expect.poll(() => focused(title)).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows a visible focus ring', async () => {
    const { page } = await stack.open();
    await page.getByRole('button', { name: 'New post' }).focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Shift+Tab');
    const outline = await page
      .getByRole('button', { name: 'New post' })
      .evaluate((el) => getComputedStyle(el).outlineStyle);
    expect(outline).toBe('solid');
    await page.close();
  });
});

describe('layout and theme', () => {
  it('fits a 320 px wide screen without sideways scrolling', async () => {
    const page = await stack.browser.newPage({ viewport: { width: 320, height: 640 } });
    await page.goto(stack.host.url);
    await page.getByRole('button', { name: 'How long is shipping?', exact: true }).click();
    await page.getByText('Three to five days.').waitFor();
    const wider = await page.evaluate(() => {
      const found: string[] = [];
      const visit = (root: Document | ShadowRoot) => {
        for (const el of root.querySelectorAll('*')) {
          if (el.getBoundingClientRect().right > window.innerWidth + 0.5) found.push(`${el.tagName}.${el.className}`);
          if (el.shadowRoot) visit(el.shadowRoot);
        }
      };
      visit(document);
      return found;
    });
    expect(wider).toEqual([]);
    await page.close();
  });

  it("follows prefers-color-scheme and the brand's custom properties and parts", async () => {
    const { page } = await stack.open('/themed');
    const frame = page.locator('rapport-community [part=container]');
    await frame.waitFor();
    await page.emulateMedia({ colorScheme: 'dark' });
    const darkBackground = await frame.evaluate((el) => getComputedStyle(el).backgroundColor);
    await page.emulateMedia({ colorScheme: 'light' });
    const lightBackground = await frame.evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(darkBackground).not.toBe(lightBackground);
    expect(lightBackground).toBe('rgb(255, 255, 255)');
    expect(
      await page.getByRole('button', { name: 'New post' }).evaluate((el) => getComputedStyle(el).backgroundColor),
    ).toBe('rgb(10, 110, 70)');
    expect(await frame.evaluate((el) => getComputedStyle(el).outlineColor)).toBe('rgb(10, 110, 70)');
    await page.close();
  });
});
