/**
 * Replies by email, with real mail: the server emails a member (through a real SMTP server
 * process) with a Reply-To of their own; a real SMTP client sends the member's answer to the
 * server's inbound SMTP listener, or a mail provider posts it to the HTTP endpoint. It is posted
 * once as the member's reply, the quoted history stripped; every rule still applies, and what is
 * refused is said clearly.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InboundEmail } from '../../entities/index.ts';
import {
  ALL_COMMUNITIES,
  createTestCommunity,
  signInStaff,
  ssoToken,
  type TestCommunity,
} from '../../testing/fixtures.ts';
import type { GraphQLClient } from '../../testing/graphql-client.ts';
import { sendMail } from '../../testing/mail-client.ts';
import { startTestServer, type TestServer } from '../../testing/server.ts';
import { startTestSmtpServer, type TestSmtpServer } from '../../testing/smtp.ts';
import { visibleReply } from './inbound.ts';

const DOMAIN = 'reply.brand.example';
let smtp: TestSmtpServer;
let server: TestServer;
let brand: TestCommunity;
let api: GraphQLClient;
let staff: GraphQLClient;
let manager: GraphQLClient;
let ada: string;
let thread: string;
let replyTo: string;

const REPLIES = `query ($s: String!, $id: ID!) { community(slug: $s) { thread(id: $id) { replies(first: 50) { edges { node { body author { displayName } } } } } } }`;
const replies = async () =>
  (await api.data(REPLIES, { variables: { s: brand.slug, id: thread } })).community.thread.replies.edges.map(
    (e: { node: { body: string; author: { displayName: string } } }) => [e.node.author.displayName, e.node.body],
  );

/** Sends mail to the server's inbound listener as a mail server would. */
const sendToListener = (message: { from: string; to: string; text: string; messageId?: string }) =>
  sendMail(server.app.smtpListener?.port ?? 0, message);

beforeAll(async () => {
  smtp = await startTestSmtpServer();
  server = await startTestServer({
    smtpUrl: smtp.url,
    mailIntervalMs: 50,
    inboundSmtpPort: 0,
    inboundEmailDomain: DOMAIN,
  });
  brand = await createTestCommunity(server.em());
  api = server.client();
  staff = server.client();
  manager = server.client();
  await signInStaff(staff, brand.slug, brand.staff);
  await signInStaff(manager, brand.slug, brand.manager);
  ada = await ssoToken(brand, { sub: 'ada', name: 'Ada', email: 'ada@example.com' });
  thread = (
    await api.data('mutation { postThread(input: { kind: IDEA, title: "Reply by email works?" }) { id } }', {
      token: ada,
    })
  ).postThread.id;
  await staff.data('mutation ($i: ReplyInput!) { reply(input: $i) { id } }', {
    variables: { i: { threadId: thread, body: 'It should: try answering this email.' } },
  });
  const [mail] = await smtp.waitFor(1);
  replyTo = mail?.parsed.replyTo?.value[0]?.address ?? '';
});
afterAll(async () => {
  await server?.close();
  await smtp?.close();
});

it('strips the quoted history and a signature from an answer', () => {
  expect(
    visibleReply('Thanks, that works!\n\nOn Tue, Dec 1, 2026 at 10:00 Sam <x@y> wrote:\n> It should: try.\n> ok'),
  ).toBe('Thanks, that works!');
  expect(visibleReply('Short answer.\n\n-- \nAda Lovelace\nAnalytical Engines Ltd')).toBe('Short answer.');
});

describe('over SMTP', () => {
  it('gives each member their own unguessable Reply-To for the thread', () => {
    expect(replyTo).toMatch(new RegExp(`^reply\\+[a-z2-7]{26}@${DOMAIN.replaceAll('.', '\\.')}$`));
  });

  it("posts the member's answer once, as theirs, however often it is delivered", async () => {
    const message = {
      from: 'ada@example.com',
      to: replyTo,
      text: 'Yes! Posting from my mail app.\n\nOn Fri, Sam wrote:\n> It should: try answering this email.',
      messageId: '<answer-1@mail.example>',
    };
    await sendToListener(message);
    await sendToListener(message);
    expect((await replies()).filter(([, body]: string[]) => body?.startsWith('Yes!'))).toEqual([
      ['Ada', 'Yes! Posting from my mail app.'],
    ]);
    const kept = await server.em().find(InboundEmail, {}, ALL_COMMUNITIES);
    expect(kept.map((k) => [k.messageId, k.outcome])).toEqual([['<answer-1@mail.example>', 'POSTED']]);
  });

  it('refuses an unknown address at once, and a sender who is not the member with a clear reason', async () => {
    await expect(
      sendToListener({ from: 'ada@example.com', to: `reply+${'a'.repeat(26)}@${DOMAIN}`, text: 'Hello' }),
    ).rejects.toMatchObject({ responseCode: 550, response: expect.stringContaining('No such reply address') });
    await expect(
      sendToListener({ from: 'mallory@example.com', to: replyTo, text: 'Spoofed', messageId: '<spoof@x>' }),
    ).rejects.toMatchObject({
      responseCode: 550,
      response: expect.stringContaining('Reply from the address this email was sent to'),
    });
    await expect(
      sendToListener({ from: 'ada@example.com', to: replyTo, text: '> only quoted text', messageId: '<empty@x>' }),
    ).rejects.toMatchObject({ response: expect.stringContaining('could not find your answer') });
    expect((await replies()).some(([, body]: string[]) => body?.includes('Spoofed'))).toBe(false);
  });

  it('keeps the rules: a locked thread takes no answer by email either', async () => {
    await manager.data('mutation ($id: ID!) { lockThread(threadId: $id) { id } }', { variables: { id: thread } });
    try {
      await expect(
        sendToListener({ from: 'ada@example.com', to: replyTo, text: 'After the lock', messageId: '<locked@x>' }),
      ).rejects.toMatchObject({ responseCode: 550, response: expect.stringContaining('locked') });
    } finally {
      await manager.data('mutation ($id: ID!) { unlockThread(threadId: $id) { id } }', { variables: { id: thread } });
    }
  });
});

describe('from a mail provider over HTTP', () => {
  const raw = (id: string, body: string, from = 'ada@example.com') =>
    [
      `From: Ada <${from}>`,
      `To: ${replyTo}`,
      'Subject: Re: thread',
      `Message-ID: ${id}`,
      'Content-Type: text/plain',
      '',
      body,
      '',
    ].join('\r\n');
  const post = (body: string, secret?: string) =>
    fetch(`${server.url}/inbound/email/${brand.slug}`, {
      method: 'POST',
      headers: { 'content-type': 'message/rfc822', ...(secret ? { authorization: `Bearer ${secret}` } : {}) },
      body,
    });

  it('needs the community’s secret', async () => {
    expect((await post(raw('<http-0@x>', 'No secret'))).status).toBe(401);
    expect((await post(raw('<http-0@x>', 'Wrong secret'), 'rin_wrong')).status).toBe(401);
  });

  it('posts with it, and a refused answer is explained to the member by email', async () => {
    const secret = (await manager.data('mutation { rotateInboundEmailSecret }')).rotateInboundEmailSecret;
    const posted = await post(raw('<http-1@x>', 'Sent through the provider.'), secret);
    expect(posted.status).toBe(200);
    expect(await posted.json()).toMatchObject({ outcome: 'POSTED' });
    expect((await replies()).some(([, body]: string[]) => body === 'Sent through the provider.')).toBe(true);

    const member = (await api.data('{ viewer { member { id } } }', { token: ada })).viewer.member.id;
    await manager.data('mutation ($id: ID!) { suspendMember(memberId: $id, reason: "Testing refusals") { id } }', {
      variables: { id: member },
    });
    const before = smtp.received.length;
    const refused = await post(raw('<http-2@x>', 'While suspended.'), secret);
    expect(await refused.json()).toMatchObject({
      outcome: 'REFUSED',
      bounced: true,
      reason: expect.stringContaining('suspended'),
    });
    const [bounce] = (await smtp.waitFor(before + 1)).slice(before);
    expect(bounce?.envelopeTo).toEqual(['ada@example.com']);
    expect(bounce?.parsed.subject).toBe('Your reply to “Reply by email works?” was not posted');
    expect(bounce?.parsed.text).toContain('suspended');
    await manager.data('mutation ($id: ID!) { unsuspendMember(memberId: $id) { id } }', { variables: { id: member } });
  });
});
