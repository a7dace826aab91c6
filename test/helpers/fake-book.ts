/**
 * A fake workbook of Excel tables for the import writer's tests, with Office.js's batch semantics:
 * writes are queued and applied at context.sync, in order; a property can be read only after it
 * was loaded and a sync ran; batches are not transactional (an operation that fails leaves the
 * ones before it applied). Faults: fail the n-th sync before anything of it is applied, or after
 * all of it is applied (the answer lost on the way back). A request over 5 MB is refused, as
 * Excel refuses it.
 *
 * Like Excel, a table with no data rows shows one blank row, which rows.add fills; text is stored
 * as text only when it starts with an apostrophe or cannot be read as a formula, and a value
 * starting with =, +, - or @ becomes a formula (recorded, so tests can assert there is none).
 */
export type Stored = string | number | boolean | { formula: string };

export interface FakeTable {
  name: string;
  sheet: string;
  /** Zero-based row and column of the header. */
  top: number;
  left: number;
  header: string[];
  rows: Stored[][];
}

export class FakeBookError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const LIMIT = 5 * 1024 * 1024;

/** How Excel stores a value written through Range.values / rows.add. */
function store(v: unknown): Stored {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") {
    if (v.startsWith("'")) return v.slice(1);
    if (/^[=+\-@]/.test(v) && v.length > 1) return { formula: v };
    return v;
  }
  return v as Stored;
}

const read = (v: Stored): unknown => (typeof v === "object" ? "#FORMULA" : v);

export class FakeBook {
  tables: FakeTable[] = [];
  failAtSync: number | null = null;
  failAfterSync: number | null = null;
  syncs = 0;
  /** The largest request sent, in bytes of JSON of the values it carried. */
  largestRequest = 0;
  /** Called as each sync starts: to change the workbook meanwhile. */
  onSync: ((n: number) => void) | null = null;
  private queue: (() => void)[] = [];
  private loads: (() => void)[] = [];
  private pendingBytes = 0;

  addTable(sheet: string, name: string, top: number, left: number, header: string[], rows: Stored[][] = []): FakeTable {
    const t = { name, sheet, top, left, header, rows };
    this.tables.push(t);
    return t;
  }

  snapshot(): string {
    return JSON.stringify(this.tables);
  }

  /** Every cell written as a formula. */
  formulas(): string[] {
    return this.tables.flatMap((t) =>
      t.rows
        .flat()
        .filter((v): v is { formula: string } => typeof v === "object")
        .map((v) => v.formula),
    );
  }

  readonly run = async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    this.queue = [];
    this.loads = [];
    return batch(this.context() as unknown as Excel.RequestContext);
  };

  private async sync(): Promise<void> {
    this.syncs += 1;
    this.onSync?.(this.syncs);
    const ops = this.queue;
    const loads = this.loads;
    this.queue = [];
    this.loads = [];
    const bytes = this.pendingBytes;
    this.pendingBytes = 0;
    this.largestRequest = Math.max(this.largestRequest, bytes);
    if (bytes > LIMIT)
      throw new FakeBookError("RequestPayloadSizeLimitExceeded", "The request payload size has exceeded the limit");
    if (this.failAtSync === this.syncs) throw new FakeBookError("GeneralException", `injected failure at sync ${this.syncs}`);
    for (const op of ops) op();
    for (const load of loads) load();
    if (this.failAfterSync === this.syncs)
      throw new FakeBookError("GeneralException", `injected failure after sync ${this.syncs}`);
  }

  private find(name: string): FakeTable {
    const t = this.tables.find((x) => x.name.toLowerCase() === name.toLowerCase());
    if (!t) throw new FakeBookError("ItemNotFound", `The table ${name} does not exist`);
    return t;
  }

  private context(): unknown {
    const wb = this;
    const items: { name: string }[] = [];
    let itemsLoaded = false;
    return {
      sync: () => wb.sync(),
      workbook: {
        tables: {
          load(props: string) {
            if (props !== "items/name") throw new Error(`the fake loads only table names (got ${props})`);
            wb.loads.push(() => {
              items.splice(0, items.length, ...wb.tables.map((t) => ({ name: t.name })));
              itemsLoaded = true;
            });
          },
          get items() {
            if (!itemsLoaded) throw new Error("tables.items read before load + sync");
            return items;
          },
          getItem: (name: string) => wb.tableProxy(name),
        },
      },
    };
  }

  /** A loadable object: each property readable once loaded and synced. */
  private loadable(fields: Record<string, () => unknown>): Record<string, unknown> {
    const wb = this;
    const values: Record<string, unknown> = {};
    const proxy: Record<string, unknown> = {
      load(props: string) {
        const names = props.split(",").map((p) => p.trim());
        wb.loads.push(() => {
          for (const n of names) {
            if (!(n in fields)) throw new Error(`the fake cannot load ${n}`);
            values[n] = fields[n]();
          }
        });
        return proxy;
      },
    };
    for (const n of Object.keys(fields)) {
      Object.defineProperty(proxy, n, {
        get: () => {
          if (!(n in values)) throw new Error(`${n} read before load + sync`);
          return values[n];
        },
      });
    }
    return proxy;
  }

  private tableProxy(name: string): unknown {
    const wb = this;
    const t = () => wb.find(name);
    /** Rows shown in the body: an empty table shows one blank row. */
    const shown = (x: FakeTable) => (x.rows.length === 0 ? [x.header.map(() => "" as Stored)] : x.rows);
    return {
      worksheet: Object.assign(this.loadable({ name: () => t().sheet }), {
        getRangeByIndexes: (row: number, col: number, rows: number, cols: number) => wb.rangeProxy(t, row, col, rows, cols),
      }),
      getHeaderRowRange: () => this.loadable({ values: () => [[...t().header]] }),
      getDataBodyRange: () =>
        this.loadable({
          rowIndex: () => t().top + 1,
          columnIndex: () => t().left,
          rowCount: () => shown(t()).length,
          columnCount: () => t().header.length,
          values: () => shown(t()).map((r) => r.map(read)),
        }),
      rows: {
        add: (index: number | undefined, values: unknown[][]) => {
          if (index !== undefined && index !== null) throw new Error("the fake adds rows at the end only");
          wb.pendingBytes += JSON.stringify(values).length;
          wb.queue.push(() => {
            const x = t();
            for (const v of values) {
              if (v.length !== x.header.length) throw new FakeBookError("InvalidArgument", "row width does not match the table");
              x.rows.push(v.map(store));
            }
          });
        },
      },
    };
  }

  /** A range inside a table's data rows (the only ranges the import writer addresses). */
  private rangeProxy(t: () => FakeTable, row: number, col: number, rows: number, cols: number): unknown {
    const wb = this;
    const inside = (x: FakeTable) => {
      const first = row - (x.top + 1);
      if (col !== x.left || cols !== x.header.length || first < 0)
        throw new Error(`the fake addresses whole data rows of a table only (R${row}C${col} ${rows}×${cols})`);
      return first;
    };
    const proxy = this.loadable({
      values: () => {
        const x = t();
        const first = inside(x);
        const shown = x.rows.length === 0 ? [x.header.map(() => "" as Stored)] : x.rows;
        return Array.from({ length: rows }, (_, i) => (shown[first + i] ?? x.header.map(() => "")).map(read));
      },
    });
    proxy.delete = (shift: string) => {
      if (shift !== "Up") throw new Error("the fake deletes table rows upward only");
      wb.queue.push(() => {
        const x = t();
        const first = inside(x);
        if (first + rows > Math.max(x.rows.length, 1))
          throw new FakeBookError("InvalidArgument", "the range is outside the table");
        x.rows.splice(first, rows);
      });
    };
    return proxy;
  }
}
