/**
 * Calls into the bundles functions.js loads on first use (lazy.ts): book.js (book.ts: REALIZEDPNL,
 * LEDGER, BOOKDELTA, BOOKPNL), options.js (options-bundle.ts: the Black-76 functions, and
 * NETDELTA over a table with option columns) and curves.js (curves-bundle.ts: FORWARDAPY,
 * CONSTANTMATURITY). #N/A when the bundle cannot be loaded.
 */
import { missing } from "../core/errors";
import { lazyScript } from "./lazy";
import { Answer } from "./spill";

type Book = typeof import("./book");
type Options = typeof import("./options-bundle");
type Curves = typeof import("./curves-bundle");

function withChunk<T>(what: string, load: () => Promise<T>): (compute: (chunk: T) => Answer) => Promise<Answer> {
  return async (compute) => {
    let chunk: T;
    try {
      chunk = await load();
    } catch (e) {
      return missing(
        `the ${what} functions could not be loaded (${e instanceof Error ? e.message : String(e)}): they need the add-in's shared runtime`,
      );
    }
    return compute(chunk);
  };
}

export const withBook = withChunk<Book>(
  "book",
  lazyScript("book", "legworkBook", () => import(/* webpackIgnore: true */ "./book")),
);

export const withOptions = withChunk<Options>(
  "option",
  lazyScript("options", "legworkOptions", () => import(/* webpackIgnore: true */ "./options-bundle")),
);

export const withCurves = withChunk<Curves>(
  "term-structure",
  lazyScript("curves", "legworkCurves", () => import(/* webpackIgnore: true */ "./curves-bundle")),
);
