/** A streaming cell as Excel drives one (setResult, onCanceled), and waiting for what it shows. */
export interface FakeInvocation {
  results: unknown[];
  setResult(v: unknown): void;
  onCanceled?: () => void;
}

export function invocation(): FakeInvocation {
  const inv: FakeInvocation = {
    results: [],
    setResult(v) {
      inv.results.push(v);
    },
  };
  return inv;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Resolves once `check` holds; fails after `ms`. */
export async function until(check: () => boolean, ms = 3000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error("timed out waiting");
    await sleep(10);
  }
}
