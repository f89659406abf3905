// Smoke checks' failures: an expectation that does not hold throws CheckFailed, whose message is the check's detail.
/** A failed expectation: its message is the check's detail. */
export class CheckFailed extends Error {}

export function expect(condition: unknown, message: string): asserts condition {
  if (!condition) throw new CheckFailed(message);
}
