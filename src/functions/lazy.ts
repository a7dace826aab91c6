/**
 * Code that functions.js loads on first use, as separate chunks (live.js, book.js), so that
 * loading the functions bundle stays small and fast for the math every sheet uses.
 *
 * Each load is tried once at a time and settles within LOAD_DEADLINE_MS: webpack's loader can
 * leave a chunk pending for ever (after it threw once, every later import() waits on that first
 * attempt), and a cell must never stay #BUSY!. A failed or timed-out load is forgotten, so the
 * next call tries again.
 */

/** How long one attempt to load a chunk may take before the calls waiting on it answer #N/A. */
const LOAD_DEADLINE_MS = 15000;

/**
 * Set when starting a load threw at once: this runtime cannot load a chunk at all (Excel's
 * JavaScript-only runtime has no page to add a script to), so every later call answers at once.
 */
let cannotLoad: unknown = null;

export const cannotLoadChunks = (): boolean => cannotLoad !== null;

/** `load` must call import() itself (webpack names the chunk there). */
export function lazyChunk<T>(name: string, load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | null = null;
  return () => {
    if (cannotLoad) return Promise.reject(cannotLoad);
    if (!loading) {
      const attempt = new Promise<T>((resolve, reject) => {
        let chunk: Promise<T>;
        try {
          chunk = load();
        } catch (e) {
          throw (cannotLoad = e);
        }
        const timer = setTimeout(
          () => reject(new Error(`${name}.js did not load within ${LOAD_DEADLINE_MS / 1000} s`)),
          LOAD_DEADLINE_MS,
        );
        chunk.then(resolve, reject).finally(() => clearTimeout(timer));
      });
      loading = attempt;
      attempt.catch(() => {
        if (loading === attempt) loading = null;
      });
    }
    return loading;
  };
}

/** Node (jest, the benchmark): modules are required, not fetched as scripts. */
const inNode = (): boolean =>
  typeof (globalThis as { process?: { versions?: { node?: unknown } } }).process?.versions?.node === "string";

/**
 * A bundle beside the page (live.js, book.js: webpack entries of their own, so they share no
 * module with functions.js, which keeps its scope hoisting and needs no chunk-loading runtime),
 * added as a script once; resolves with the global it defines. In Node, `node` loads the module.
 */
export function lazyScript<T>(name: string, global: string, node: () => Promise<T>): () => Promise<T> {
  return lazyChunk(name, () => {
    if (inNode()) return node();
    // Where there is no page (Excel's JavaScript-only runtime) this throws at once.
    const doc = document;
    return new Promise<T>((resolve, reject) => {
      const script = doc.createElement("script");
      script.src = `${name}.js`;
      script.onload = () => {
        const loaded = (globalThis as Record<string, unknown>)[global] as T | undefined;
        if (loaded) resolve(loaded);
        else reject(new Error(`${name}.js did not define ${global}`));
      };
      script.onerror = () => {
        script.remove();
        reject(new Error(`${name}.js could not be fetched`));
      };
      doc.head.appendChild(script);
    });
  });
}
