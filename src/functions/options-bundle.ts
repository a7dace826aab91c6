/**
 * The option functions (OPTIONPRICE, OPTIONDELTA, OPTIONGREEKS, IMPLIEDVOL) and NETDELTA over a
 * legs table with option columns, as the bundle options.js, added by functions.js on their first
 * call: Black-76 and its normal distribution would not fit functions.js's 60 KB budget.
 */
export { impliedVolOf, optionDeltaOf, optionGreeksOf, optionPriceOf } from "./options";
export { netDeltaOf } from "./option-legs";
