/**
 * A stand-in for Excel.run that accepts every Office.js call the writer makes and counts
 * syncs: enough to measure a template's round trips and payload without Excel.
 */
export interface Recorded {
  syncs: number;
}

function sink(): unknown {
  const target = function () {
    /* callable */
  };
  return new Proxy(target, {
    get: (_t, prop) => (prop === "then" ? undefined : prop === "items" ? [] : sink()),
    set: () => true,
    apply: () => sink(),
  });
}

export function fakeRun(record: Recorded) {
  return async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    const base = sink() as Record<string | symbol, unknown>;
    const context = new Proxy(base, {
      get: (t, prop) =>
        prop === "sync"
          ? async () => {
              record.syncs += 1;
            }
          : t[prop],
    });
    return batch(context as unknown as Excel.RequestContext);
  };
}
