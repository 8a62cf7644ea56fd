import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import type { EventBus } from '../core/events.ts';
import type { Em, Orm } from '../db/em.ts';
import type { Limiter } from '../rate-limit/limiter.ts';
import { findReplyAddress, MAX_INBOUND_BYTES, receiveReplyEmail } from '../services/mail/inbound.ts';

export interface SmtpListener {
  port: number;
  close(): Promise<void>;
}

/** An SMTP answer with a code (smtp-server sends it to the sending server, which bounces it). */
const refusal = (code: number, message: string) => Object.assign(new Error(message), { responseCode: code });

/**
 * Receives replies by email over SMTP (INBOUND_SMTP_PORT; the inbound domain's MX points here):
 * only messages to a known reply address are accepted, each posted as the member's reply; a
 * refused one is answered 550 with the reason, which the sending server bounces to the member.
 * No authentication (it is where the internet delivers mail), no relaying anywhere.
 */
export async function startSmtpListener(options: {
  port: number;
  host: string;
  orm: Orm;
  events: EventBus;
  limiter: Limiter;
  onError: (error: unknown) => void;
}): Promise<SmtpListener> {
  const server = new SMTPServer({
    name: 'rapport-inbound',
    banner: 'Rapport replies by email',
    authOptional: true,
    disabledCommands: ['AUTH'],
    // No certificate is configured here: a relay in front can offer TLS.
    hideSTARTTLS: true,
    size: MAX_INBOUND_BYTES,
    logger: false,
    async onRcptTo(address, _session, callback) {
      try {
        const known = await findReplyAddress(options.orm.em.fork() as Em, [address.address]);
        callback(known ? undefined : refusal(550, 'No such reply address here.'));
      } catch (error) {
        options.onError(error);
        callback(refusal(451, 'Try again later.'));
      }
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if ((stream as unknown as { sizeExceeded?: boolean }).sizeExceeded) {
          callback(refusal(552, 'The message is too large: reply with text only.'));
          return;
        }
        const ip = session.remoteAddress;
        receiveReplyEmail(options.orm.em.fork() as Em, options.events, Buffer.concat(chunks), {
          recipients: session.envelope.rcptTo.map((r) => r.address),
          limit: (memberId) => options.limiter.check('reply', { memberId, ip }),
        }).then(
          (result) =>
            callback(
              result.outcome === 'REFUSED' ? refusal(550, `Your reply was not posted: ${result.reason}`) : undefined,
            ),
          (error: unknown) => {
            options.onError(error);
            callback(refusal(451, 'Try again later.'));
          },
        );
      });
    },
  });
  server.on('error', options.onError);
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  return {
    port: (server.server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
