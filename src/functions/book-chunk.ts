/** Calls into book.js (see book.ts) from functions.js: loaded on first use, #N/A if it cannot be. */
import { missing } from "../core/errors";
import { lazyScript } from "./lazy";
import { Answer } from "./spill";

type Book = typeof import("./book");

const loadBook = lazyScript<Book>("book", "legworkBook", () => import(/* webpackIgnore: true */ "./book"));

export async function withBook(compute: (book: Book) => Answer): Promise<Answer> {
  let book: Book;
  try {
    book = await loadBook();
  } catch (e) {
    return missing(
      `the book functions could not be loaded (${e instanceof Error ? e.message : String(e)}): they need the add-in's shared runtime`,
    );
  }
  return compute(book);
}
