/**
 * A deal that cannot be quoted with the dealership's terms: no residual for the lease term, a
 * product or credit tier the dealer does not offer, a term out of range. `field` is the path of
 * the input that is wrong (e.g. `structure.termMonths`), so a form or a 422 problem can name it.
 */
export class QuoteError extends Error {
  override readonly name = 'QuoteError';

  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}
