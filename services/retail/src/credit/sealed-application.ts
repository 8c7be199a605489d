import { z } from 'zod';
import { CreditApplicantSchema, type CreditApplicationInput } from '@showroom/contracts';
import type { Envelope } from '../encryption/envelope';
import type { CreditApplicationRow, SealedColumns } from './credit-repository';

/** What the envelope holds: the applicants, as validated (SSN normalised to 9 digits). */
export const SealedApplicationSchema = z.object({
  applicant: CreditApplicantSchema,
  coApplicant: CreditApplicantSchema.nullable(),
});
export type SealedApplication = z.infer<typeof SealedApplicationSchema>;

export const sealedApplicationOf = (input: CreditApplicationInput): SealedApplication => ({
  applicant: input.applicant,
  coApplicant: input.coApplicant ?? null,
});

export const columnsOf = (envelope: Envelope): SealedColumns => ({
  key_id: envelope.keyId,
  encrypted_data_key: envelope.encryptedDataKey,
  iv: envelope.iv,
  auth_tag: envelope.authTag,
  ciphertext: envelope.ciphertext,
});

/** The stored envelope of an application, or null once retention erased it. */
export function envelopeOf(row: CreditApplicationRow): Envelope | null {
  const { key_id, encrypted_data_key, iv, auth_tag, ciphertext } = row;
  if (row.deleted_at || !key_id || !encrypted_data_key || !iv || !auth_tag || !ciphertext) return null;
  return { keyId: key_id, encryptedDataKey: encrypted_data_key, iv, authTag: auth_tag, ciphertext };
}
