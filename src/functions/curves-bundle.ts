/**
 * The term-structure functions (FORWARDAPY, CONSTANTMATURITY) as the bundle curves.js, added by
 * functions.js on their first call: they would not fit functions.js's 60 KB budget.
 */
export { constantMaturity } from "./constantmaturity";
export { forwardApy } from "./forwardapy";
