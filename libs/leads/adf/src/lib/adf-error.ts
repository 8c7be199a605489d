/**
 * The input is not usable ADF. `element` names where the problem is (`document`, `adf/prospect`,
 * `prospect[2]/customer/contact`, `!DOCTYPE`, `message`, …); `reason` says what is wrong.
 */
export class AdfError extends Error {
  override readonly name = 'AdfError';

  constructor(
    readonly element: string,
    readonly reason: string,
  ) {
    super(`${element}: ${reason}`);
  }
}
