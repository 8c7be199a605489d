import { HttpErrorResponse } from '@angular/common/http';
import { defer, Subject } from 'rxjs';
import { ReadAhead } from './read-ahead';

describe('ReadAhead', () => {
  /** A request that counts how often it was sent, answered by the test. */
  function request() {
    const answer = new Subject<string>();
    let sent = 0;
    const read = defer(() => {
      sent++;
      return answer;
    });
    return { answer, read, sent: () => sent };
  }

  it('sends the request at once, before anyone takes the answer', () => {
    const { read, sent } = request();
    new ReadAhead('north|page 1', read);
    expect(sent()).toBe(1);
  });

  it('gives the page the answer of the request already sent, arrived before or after it takes it', () => {
    const early = request();
    const arrived = new ReadAhead('key', early.read);
    early.answer.next('vehicles');
    early.answer.complete();
    const seenEarly: string[] = [];
    arrived.take('key')?.subscribe((value) => seenEarly.push(value));

    const late = request();
    const inFlight = new ReadAhead('key', late.read);
    const seenLate: string[] = [];
    inFlight.take('key')?.subscribe((value) => seenLate.push(value));
    late.answer.next('leads');

    expect(seenEarly).toEqual(['vehicles']);
    expect(seenLate).toEqual(['leads']);
    expect(early.sent() + late.sent()).toBe(2);
  });

  it('is taken once: "Try again" and reloads ask the service again', () => {
    const readAhead = new ReadAhead('key', request().read);
    expect(readAhead.take('key')).not.toBeNull();
    expect(readAhead.take('key')).toBeNull();
  });

  it('is not the answer to another question (other filters, another dealership)', () => {
    const readAhead = new ReadAhead('north|make=Honda', request().read);
    expect(readAhead.take('north|make=Toyota')).toBeNull();
    expect(readAhead.take('north|make=Honda')).not.toBeNull();
  });

  it('hands a failure to the page, which shows it', () => {
    const { answer, read } = request();
    const readAhead = new ReadAhead('key', read);
    answer.error(new HttpErrorResponse({ status: 503 }));
    let failed: unknown = null;
    readAhead.take('key')?.subscribe({ error: (error: unknown) => (failed = error) });
    expect((failed as HttpErrorResponse | null)?.status).toBe(503);
  });
});
