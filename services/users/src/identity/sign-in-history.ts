import type { MySignIns } from '@showroom/contracts';
import type { Logger } from 'pino';
import { IdentityUnavailableError, type IdentityPort } from './identity-port';

const RECENT = 10;

/** A person's own recent sign-ins, from the identity provider, so they can spot one that was not them. */
export class SignInHistory {
  constructor(
    private readonly identity: IdentityPort,
    private readonly logger: Logger,
  ) {}

  async of(userId: string): Promise<MySignIns> {
    try {
      return { items: await this.identity.recentSignIns(userId, RECENT), signInsKnown: true };
    } catch (err) {
      if (!(err instanceof IdentityUnavailableError)) throw err;
      this.logger.warn({ err }, 'identity provider unavailable; sign-ins left out');
      return { items: [], signInsKnown: false };
    }
  }
}
