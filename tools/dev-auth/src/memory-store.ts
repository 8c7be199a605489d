type Payload = Record<string, unknown> & { grantId?: string; uid?: string; userCode?: string };

/** Models revoked together with their grant. */
const GRANT_MEMBERS = new Set([
  'AccessToken',
  'AuthorizationCode',
  'RefreshToken',
  'DeviceCode',
  'BackchannelAuthenticationRequest',
]);

interface Entry {
  payload: Payload;
  expiresAt: number;
}

/**
 * oidc-provider storage kept in memory: sessions and tokens end when dev-auth stops (signing keys
 * do not). Written here rather than using oidc-provider's quick-start adapter, which warns on every
 * start and evicts beyond 1000 entries (a long e2e run could lose a live session).
 */
export function memoryStore(now: () => number = Date.now) {
  const entries = new Map<string, Entry>();
  const grants = new Map<string, Set<string>>();
  const sessionsByUid = new Map<string, string>();
  const byUserCode = new Map<string, string>();
  let writes = 0;

  const live = (key: string): Payload | undefined => {
    const entry = entries.get(key);
    if (entry && entry.expiresAt <= now()) {
      entries.delete(key);
      return undefined;
    }
    return entry?.payload;
  };

  const sweep = () => {
    const time = now();
    for (const [key, entry] of entries) if (entry.expiresAt <= time) entries.delete(key);
  };

  return class MemoryAdapter {
    constructor(private readonly model: string) {}

    private key(id: string): string {
      return `${this.model}:${id}`;
    }

    async upsert(id: string, payload: Payload, expiresIn?: number): Promise<void> {
      if (++writes % 500 === 0) sweep();
      const key = this.key(id);
      entries.set(key, {
        payload,
        expiresAt: expiresIn ? now() + expiresIn * 1000 : Number.POSITIVE_INFINITY,
      });
      if (payload.grantId && GRANT_MEMBERS.has(this.model)) {
        const members = grants.get(payload.grantId) ?? new Set<string>();
        members.add(key);
        grants.set(payload.grantId, members);
      }
      if (this.model === 'Session' && payload.uid) sessionsByUid.set(payload.uid, id);
      if (payload.userCode) byUserCode.set(payload.userCode, id);
    }

    async find(id: string): Promise<Payload | undefined> {
      return live(this.key(id));
    }

    async findByUid(uid: string): Promise<Payload | undefined> {
      const id = sessionsByUid.get(uid);
      return id === undefined ? undefined : this.find(id);
    }

    async findByUserCode(userCode: string): Promise<Payload | undefined> {
      const id = byUserCode.get(userCode);
      return id === undefined ? undefined : this.find(id);
    }

    async consume(id: string): Promise<void> {
      const payload = live(this.key(id));
      if (payload) payload['consumed'] = Math.floor(now() / 1000);
    }

    async destroy(id: string): Promise<void> {
      const key = this.key(id);
      const payload = entries.get(key)?.payload;
      entries.delete(key);
      if (payload?.uid && sessionsByUid.get(payload.uid) === id) sessionsByUid.delete(payload.uid);
      if (payload?.grantId) grants.get(payload.grantId)?.delete(key);
    }

    async revokeByGrantId(grantId: string): Promise<void> {
      for (const key of grants.get(grantId) ?? []) entries.delete(key);
      grants.delete(grantId);
    }
  };
}
