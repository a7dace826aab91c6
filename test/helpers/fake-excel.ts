/**
 * A fake Excel workbook for writer tests, faithful where it matters: office-addin-mock gives
 * the request context its load/sync semantics (reading a property needs load + sync), and every
 * write is queued and applied only at context.sync, in order, like Office.js batches. Batches are
 * not transactional in Excel: when an operation fails, the ones before it in the batch stay
 * applied. Faults can be injected at the n-th sync or at a named operation.
 */
import { OfficeMockObject } from "office-addin-mock";

export interface FakeSheet {
  name: string;
  /** The last whole-array write of formulas, by address. */
  formulas: Record<string, unknown[][]>;
  numberFormats: Record<string, unknown[][]>;
  tables: string[];
  names: string[];
  charts: number;
  conditionalFormats: number;
  validations: number;
  frozenRows: number;
}

interface Op {
  label: string;
  run: () => void;
}

export class FakeExcelError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export class FakeWorkbook {
  sheets: FakeSheet[] = [];
  tables: { name: string; sheet: string }[] = [];
  /** Workbook-level defined names. */
  names: string[] = [];
  /** A protected workbook structure: sheets cannot be added or deleted. */
  protectedStructure = false;
  /** Fail the n-th context.sync (1-based) after applying its queue. */
  failAtSync: number | null = null;
  /** Fail at the first queued operation with this label (it and the rest of its batch are not applied). */
  failAtOp: string | null = null;
  syncs = 0;
  payloadBytes = 0;
  /** Called as each sync starts (n from 1): to change the workbook "meanwhile", as another user or add-in could. */
  onSync: ((n: number) => void) | null = null;
  calculationSuspended = 0;
  private queue: Op[] = [];

  constructor(sheetNames: string[] = ["Sheet1"]) {
    for (const name of sheetNames) this.sheets.push(emptySheet(name));
  }

  /** Excel.run: a fresh request context per batch, as Office.js gives. */
  readonly run = async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    this.queue = [];
    return batch(this.context());
  };

  /** The whole workbook as text, to compare before and after. */
  snapshot(): string {
    return JSON.stringify({ sheets: this.sheets, tables: this.tables, names: this.names });
  }

  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  private enqueue(label: string, run: () => void): void {
    this.queue.push({ label, run });
  }

  /** Bytes of cell data queued since the last sync: Excel rejects a request over 5 MB. */
  private pendingBytes = 0;

  private async flush(): Promise<void> {
    this.syncs += 1;
    this.onSync?.(this.syncs);
    const ops = this.queue;
    this.queue = [];
    const bytes = this.pendingBytes;
    this.pendingBytes = 0;
    if (bytes > 5 * 1024 * 1024) throw new FakeExcelError("RequestPayloadSizeLimitExceeded", "The request payload size has exceeded the limit");
    for (const op of ops) {
      if (this.failAtOp === op.label) {
        this.failAtOp = null;
        throw new FakeExcelError("GeneralException", `injected failure at ${op.label}`);
      }
      op.run();
    }
    if (this.failAtSync === this.syncs) throw new FakeExcelError("GeneralException", `injected failure at sync ${this.syncs}`);
  }

  private context(): Excel.RequestContext {
    const wb = this; // eslint-disable-line @typescript-eslint/no-this-alias
    const data = {
      context: {
        workbook: {
          worksheets: {
            items: this.sheets.map((s) => ({ name: s.name })),
            add: (name: string) => wb.addSheet(name),
            getItem: (name: string) => ({
              delete: () =>
                wb.enqueue("worksheets.delete", () => {
                  const s = wb.sheet(name);
                  if (!s) throw new FakeExcelError("ItemNotFound", `The requested resource doesn't exist: ${name}`);
                  if (wb.protectedStructure) throw new FakeExcelError("AccessDenied", "The workbook is protected");
                  wb.sheets = wb.sheets.filter((x) => x !== s);
                  wb.tables = wb.tables.filter((t) => t.sheet !== s.name);
                }),
            }),
          },
          tables: { items: this.tables.map((t) => ({ name: t.name })) },
          names: { items: this.names.map((n) => ({ name: n })) },
        },
        application: {
          suspendApiCalculationUntilNextSync: () => wb.enqueue("suspendCalculation", () => (wb.calculationSuspended += 1)),
          suspendScreenUpdatingUntilNextSync: () => undefined,
        },
      },
    };
    const mock = new OfficeMockObject(data) as unknown as { context: { sync: () => Promise<void> } };
    const ctx = mock.context;
    const loadSync = ctx.sync.bind(ctx);
    ctx.sync = async () => {
      await wb.flush();
      await loadSync();
    };
    return ctx as unknown as Excel.RequestContext;
  }

  private addSheet(name: string): unknown {
    const wb = this; // eslint-disable-line @typescript-eslint/no-this-alias
    this.enqueue("worksheets.add", () => {
      if (this.protectedStructure) throw new FakeExcelError("AccessDenied", "The workbook structure is protected");
      if (this.sheet(name)) throw new FakeExcelError("ItemAlreadyExists", `A sheet named ${name} already exists`);
      this.sheets.push(emptySheet(name));
    });
    const onSheet = (f: (s: FakeSheet) => void) => () => {
      const s = this.sheet(name);
      if (!s) throw new FakeExcelError("ItemNotFound", `no sheet ${name}`);
      f(s);
    };
    const range = (address: string) => this.range(name, address, onSheet);
    return {
      getRange: range,
      getRangeByIndexes: (r: number, c: number) => range(`R${r}C${c}`),
      getRanges: (addresses: string) => range(addresses),
      tables: {
        add: (ref: string) => {
          const table = { name: `Table${this.tables.length + 1}` };
          this.enqueue(
            "tables.add",
            onSheet((s) => {
              this.tables.push({ name: table.name, sheet: s.name });
              s.tables.push(ref);
            }),
          );
          return {
            set name(v: string) {
              wb.enqueue("tables.name", () => {
                if (wb.tables.some((t) => t.name.toLowerCase() === v.toLowerCase())) {
                  throw new FakeExcelError("InvalidArgument", `A table named ${v} already exists`);
                }
                const t = wb.tables.find((x) => x.name === table.name);
                if (t) t.name = v;
                table.name = v;
              });
            },
            set style(_: string) {
              /* cosmetic */
            },
          };
        },
      },
      names: { add: (n: string) => this.enqueue("names.add", onSheet((s) => s.names.push(n))) },
      charts: {
        add: () => {
          this.enqueue("charts.add", onSheet((s) => (s.charts += 1)));
          return sink();
        },
      },
      freezePanes: { freezeRows: (n: number) => this.enqueue("freezeRows", onSheet((s) => (s.frozenRows = n))) },
      activate: () => this.enqueue("activate", onSheet(() => undefined)),
    };
  }

  private range(sheet: string, address: string, onSheet: (f: (s: FakeSheet) => void) => () => void): unknown {
    const wb = this; // eslint-disable-line @typescript-eslint/no-this-alias
    return {
      set formulas(grid: unknown[][]) {
        const bytes = JSON.stringify(grid).length;
        wb.payloadBytes += bytes;
        wb.pendingBytes += bytes;
        wb.enqueue("range.formulas", onSheet((s) => (s.formulas[address] = grid)));
      },
      set numberFormat(grid: unknown[][]) {
        const bytes = JSON.stringify(grid).length;
        wb.payloadBytes += bytes;
        wb.pendingBytes += bytes;
        wb.enqueue("range.numberFormat", onSheet((s) => (s.numberFormats[address] = grid)));
      },
      format: sink(() => wb.enqueue("range.format", onSheet(() => undefined))),
      conditionalFormats: {
        add: () => {
          wb.enqueue("conditionalFormats.add", onSheet((s) => (s.conditionalFormats += 1)));
          return sink();
        },
      },
      dataValidation: sink(() => wb.enqueue("dataValidation", onSheet((s) => (s.validations += 1)))),
      getEntireColumn: () => wb.range(sheet, address, onSheet),
    };
  }
}

function emptySheet(name: string): FakeSheet {
  return { name, formulas: {}, numberFormats: {}, tables: [], names: [], charts: 0, conditionalFormats: 0, validations: 0, frozenRows: 0 };
}

/** Accepts any chain of property reads, assignments and calls (chart and format details). */
function sink(onSet: () => void = () => undefined): unknown {
  const target = function () {
    /* callable */
  };
  return new Proxy(target, {
    get: (_t, prop) => (prop === "then" ? undefined : sink(onSet)),
    set: () => {
      onSet();
      return true;
    },
    apply: () => sink(onSet),
  });
}
