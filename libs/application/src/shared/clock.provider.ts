/**
 * Injection token for the domain Clock, the only way anything reads time. It is the system clock, or the
 * SharedTestClock when GRASSROOTS_TEST_CLOCK is on; tests may override it with a ManualClock.
 */
export const CLOCK = Symbol('CLOCK');
