/**
 * The book functions (REALIZEDPNL, LEDGER, BOOKDELTA, BOOKPNL) as the bundle book.js, added by functions.js on their
 * first call: they work on whole tables of fills, and keeping them out of functions.js keeps the
 * bundle every sheet loads within its 60 KB budget.
 */
export { bookDeltaOf, bookPnlOf } from "./book-views";
export { ledgerOf } from "./ledger";
export { realizedPnlOf } from "./realizedpnl";
