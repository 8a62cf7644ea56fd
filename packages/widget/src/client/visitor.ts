const VISITOR_KEY = 'rapport:visitor';

/**
 * A random id this browser keeps: a visit through a share link counts once a day however often it
 * reloads, and a suspended guest's browser is known again under a new name. Null where storage is
 * unavailable (privacy modes, sandboxed frames).
 */
export function storedVisitorId(): string | null {
  try {
    let id = localStorage.getItem(VISITOR_KEY);
    if (!id) {
      id = [...crypto.getRandomValues(new Uint8Array(12))].map((b) => b.toString(16).padStart(2, '0')).join('');
      localStorage.setItem(VISITOR_KEY, id);
    }
    return id;
  } catch {
    return null;
  }
}

/** The visitor id for share visits: one shared id for every browser without storage. */
export const visitorId = (): string => storedVisitorId() ?? 'no-storage-visitor';
