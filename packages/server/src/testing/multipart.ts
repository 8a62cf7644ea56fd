/**
 * Reads an incremental-delivery response (@defer/@stream over `multipart/mixed`) into its parts, in
 * the order the server sent them.
 */
export async function readMultipart(response: Response): Promise<any[]> {
  const type = response.headers.get('content-type') ?? '';
  const boundary = /boundary="?([^";]+)"?/.exec(type)?.[1];
  if (!type.startsWith('multipart/mixed') || !boundary) {
    throw new Error(`expected multipart/mixed, got ${type}: ${await response.text()}`);
  }
  const text = await response.text();
  return text
    .split(`--${boundary}`)
    .map((part) => part.trim())
    .filter((part) => part && part !== '--')
    .map((part) => {
      const body = part.slice(part.indexOf('\r\n\r\n') + 4).trim();
      return JSON.parse(body);
    });
}
