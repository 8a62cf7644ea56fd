/** When a daily digest goes out: the next 08:00 UTC. */
export function nextDigestAt(now: Date): Date {
  const at = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 8));
  if (at <= now) at.setUTCDate(at.getUTCDate() + 1);
  return at;
}
