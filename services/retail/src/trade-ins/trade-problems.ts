import { PROBLEM_TYPES, type DealStatus, type InvalidParam } from '@showroom/contracts';
import { HttpProblem, problems } from '@showroom/server-kit';

/** The VIN and the typed year or make describe different vehicles (or the year/make cannot be told). */
export const vinMismatch = (invalidParams: InvalidParam[]): HttpProblem =>
  new HttpProblem(
    422,
    PROBLEM_TYPES.validation,
    'The VIN does not match the vehicle',
    'The VIN and the year or make given do not describe the same vehicle.',
    invalidParams,
  );

/** A file that is not a usable photo (or too large): 422, naming the file. */
export const notUsablePhoto = (detail: string, invalidParams: InvalidParam[]): HttpProblem =>
  new HttpProblem(422, PROBLEM_TYPES.invalidImage, 'Not a usable photo', detail, invalidParams);

/** The deal statuses whose trade the shopper may still change. */
const OPEN_FOR_TRADE: readonly DealStatus[] = ['draft', 'submitted', 'countered'];

/** 409 unless the shopper may still change the deal's trade (not once accepted or withdrawn). */
export function requireTradeOpen(status: DealStatus): void {
  if (!OPEN_FOR_TRADE.includes(status)) {
    throw problems.conflict(`The deal is ${status}; its trade-in can no longer be changed.`);
  }
}

/** 409 when the deal was withdrawn: nothing to appraise for. */
export function requireAppraisable(status: DealStatus): void {
  if (status === 'withdrawn')
    throw problems.conflict('The deal was withdrawn; its trade-in is not appraised.');
}

export const noTradeIn = (dealId: string): HttpProblem => problems.notFound(`The trade-in of deal ${dealId}`);
