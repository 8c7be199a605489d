import type { Mailer } from '@showroom/server-mail';
import type { Role } from '@showroom/contracts';

export interface InvitationMailContent {
  to: string;
  inviteeName: string;
  inviterName: string;
  dealershipName: string;
  role: Role;
  link: string;
  expiresAt: Date;
}

/** The invitation e-mail: who invites whom, to what, and the link that works once until it expires. */
export class InvitationMail {
  constructor(
    private readonly mailer: Pick<Mailer, 'send'>,
    private readonly from: string,
  ) {}

  async send(content: InvitationMailContent): Promise<void> {
    const expires = content.expiresAt.toUTCString();
    await this.mailer.send({
      from: this.from,
      to: content.to,
      subject: `${content.inviterName} invited you to ${content.dealershipName} on Showroom`,
      text: [
        `Hello ${content.inviteeName},`,
        '',
        `${content.inviterName} invited you to join ${content.dealershipName} on Showroom as ${content.role}.`,
        '',
        `Accept the invitation: ${content.link}`,
        '',
        `The link works once and expires on ${expires}. If you did not expect this, ignore this e-mail.`,
      ].join('\n'),
    });
  }
}
