/**
 * The option functions (OPTIONPRICE, OPTIONDELTA, OPTIONGREEKS, IMPLIEDVOL), NETDELTA over a
 * legs table with option columns, and the hedge backtests (REBALANCE, whose option hedges need
 * Black-76, and HEDGESTATS), as the bundle options.js, added by functions.js on their first
 * call: Black-76 and its normal distribution would not fit functions.js's 60 KB budget.
 */
export { impliedVolOf, optionDeltaOf, optionGreeksOf, optionPriceOf } from "./options";
export { netDeltaOf } from "./option-legs";
export { rebalanceOf } from "./rebalance";
export { hedgeStatsOf } from "./hedgestats";
