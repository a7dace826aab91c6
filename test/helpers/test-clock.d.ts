/** Types of test-clock.js (plain JavaScript: jest loads it as a setup file before any transform). */
export function testNow(): number;
export function fakeStart(): number | null;
export function shiftClock(scope: { Date: DateConstructor }): void;
export function realClock(scope: { Date: DateConstructor }): void;
export const clockShifted: boolean;
