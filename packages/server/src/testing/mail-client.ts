import { createServer } from 'node:net';
import nodemailer from 'nodemailer';

/** Sends an email to an SMTP server on this machine as another mail server would (no TLS, no auth). */
export async function sendMail(
  port: number,
  message: { from: string; to: string; subject?: string; text: string; messageId?: string; inReplyTo?: string },
): Promise<void> {
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
  try {
    await transport.sendMail({ subject: 'Re: your conversation', ...message });
  } finally {
    transport.close();
  }
}

/** A TCP port nothing listens on right now (for a server process that must be told its port). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}
