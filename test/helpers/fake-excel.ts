/**
 * A fake Excel workbook for writer tests, faithful where it matters: office-addin-mock gives
 * the request context its load/sync semantics (reading a property needs load + sync), and every
 * write is queued and applied only at context.sync, in order, like Office.js batches. Batches are
 * not transactional in Excel: when an operation fails, the ones before it in the batch stay
 * applied. Faults can be injected at the n-th sync or at a named operation.
 */
import { OfficeMockObject } from "office-addin-mock";

export interface FakeSheet {
  /** Excel's worksheet id: stable, unlike the name. */
  id: string;
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
  /** Column widths in points, by the address of a cell in the column. */
  columnWidths: Record<string, number>;
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
  /** Tables by name, with the id of the sheet that holds them. */
  tables: { name: string; sheet: string }[] = [];
  /** Every data-validation rule written, with the address of its range. */
  validationRules: { address: string; rule: unknown }[] = [];
  /** Workbook-level defined names. */
  names: string[] = [];
  /** A protected workbook structure: sheets cannot be added or deleted. */
  protectedStructure = false;
  /** Fail the n-th context.sync (1-based) at its first operation: nothing of that batch is applied. */
  failAtSync: number | null = null;
  /** Fail the n-th context.sync after applying its whole queue (the answer lost on the way back). */
  failAfterSync: number | null = null;
  /** Fail at the first queued operation with this label (it and the rest of its batch are not applied). */
  failAtOp: string | null = null;
  syncs = 0;
  payloadBytes = 0;
  /** Called as each sync starts (n from 1): to change the workbook "meanwhile", as another user or add-in could. */
  onSync: ((n: number) => void) | null = null;
  calculationSuspended = 0;
  /** Every collection load, as "worksheets:items/name": what the writer asked Excel to send back. */
  loads: string[] = [];
  private queue: Op[] = [];
  private nextId = 1;

  constructor(sheetNames: string[] = ["Sheet1"]) {
    for (const name of sheetNames) this.sheets.push(this.emptySheet(name));
  }

  /** Another user's (or add-in's) new sheet, as it would appear between two of our syncs. */
  addSheetMeanwhile(name: string): FakeSheet {
    const s = this.emptySheet(name);
    this.sheets.push(s);
    return s;
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
    if (bytes > 5 * 1024 * 1024)
      throw new FakeExcelError("RequestPayloadSizeLimitExceeded", "The request payload size has exceeded the limit");
    if (this.failAtSync === this.syncs) throw new FakeExcelError("GeneralException", `injected failure at sync ${this.syncs}`);
    for (const op of ops) {
      if (this.failAtOp === op.label) {
        this.failAtOp = null;
        throw new FakeExcelError("GeneralException", `injected failure at ${op.label}`);
      }
      op.run();
    }
    if (this.failAfterSync === this.syncs)
      throw new FakeExcelError("GeneralException", `injected failure after sync ${this.syncs}`);
  }

  private context(): Excel.RequestContext {
    const wb = this;
    const data = {
      context: {
        workbook: {
          worksheets: {
            items: this.sheets.map((s) => ({ name: s.name })),
            add: (name: string) => wb.addSheet(name),
            // By id or by name, as Office.js's getItem(key); resolved when the batch runs.
            getItem: (key: string) =>
              wb.sheetProxy(() => wb.sheets.find((s) => s.id === key || s.name.toLowerCase() === String(key).toLowerCase())),
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
    type Collection = { load: (arg: string) => unknown; setValue: (name: string, value: unknown) => void };
    const workbook = (ctx as unknown as { workbook: Record<string, Collection> }).workbook;
    const current: Record<string, () => { name: string }[]> = {
      worksheets: () => wb.sheets.map((s) => ({ name: s.name })),
      tables: () => wb.tables.map((t) => ({ name: t.name })),
      names: () => wb.names.map((n) => ({ name: n })),
    };
    const pending = new Set<string>();
    for (const collection of Object.keys(current)) {
      const target = workbook[collection];
      // office-addin-mock cannot navigate into an array ("items/name"): record what was asked;
      // the items (which hold only names here) are filled in as the workbook is at that sync.
      target.load = (arg: string) => {
        wb.loads.push(`${collection}:${arg ?? "*"}`);
        pending.add(collection);
        return target;
      };
    }
    const loadSync = ctx.sync.bind(ctx);
    ctx.sync = async () => {
      await wb.flush();
      for (const collection of pending) {
        const target = workbook[collection] as Collection & { constructor: { prototype: Collection } };
        target.setValue("items", current[collection]());
        target.constructor.prototype.load.call(target, "items");
      }
      pending.clear();
      await loadSync();
    };
    return ctx as unknown as Excel.RequestContext;
  }

  /** worksheets.add: the proxy it returns stands for the sheet this add creates, and no other. */
  private addSheet(name: string): unknown {
    let created: FakeSheet | undefined;
    this.enqueue("worksheets.add", () => {
      if (this.protectedStructure) throw new FakeExcelError("AccessDenied", "The workbook structure is protected");
      if (this.sheet(name)) throw new FakeExcelError("ItemAlreadyExists", `A sheet named ${name} already exists`);
      created = this.emptySheet(name);
      this.sheets.push(created);
    });
    let loadedId: string | undefined;
    const proxy = this.sheetProxy(() => (created && this.sheets.includes(created) ? created : undefined)) as Record<
      string,
      unknown
    >;
    proxy.load = (props: string) => {
      if (props !== "id") throw new Error(`the fake loads only a new sheet's id (got ${props})`);
      this.enqueue("worksheet.load", () => (loadedId = created?.id));
    };
    Object.defineProperty(proxy, "id", {
      get: () => {
        if (loadedId === undefined) throw new Error("worksheet.id read before load + sync");
        return loadedId;
      },
    });
    return proxy;
  }

  /** A worksheet as Office.js addresses it: every queued operation resolves the sheet when it runs. */
  private sheetProxy(find: () => FakeSheet | undefined): unknown {
    const wb = this;
    const onSheet = (f: (s: FakeSheet) => void) => () => {
      const s = find();
      if (!s) throw new FakeExcelError("ItemNotFound", "The requested resource doesn't exist");
      f(s);
    };
    const range = (address: string) => this.range(address, onSheet);
    return {
      getRange: range,
      getRangeByIndexes: (r: number, c: number) => range(`R${r}C${c}`),
      getRanges: (addresses: string) => range(addresses),
      delete: () =>
        this.enqueue(
          "worksheets.delete",
          onSheet((s) => {
            if (this.protectedStructure) throw new FakeExcelError("AccessDenied", "The workbook is protected");
            this.sheets = this.sheets.filter((x) => x !== s);
            this.tables = this.tables.filter((t) => t.sheet !== s.id);
          }),
        ),
      tables: {
        add: (ref: string) => {
          const table = { name: `Table${this.tables.length + 1}` };
          this.enqueue(
            "tables.add",
            onSheet((s) => {
              this.tables.push({ name: table.name, sheet: s.id });
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
      names: {
        add: (n: string) =>
          this.enqueue(
            "names.add",
            onSheet((s) => s.names.push(n)),
          ),
      },
      charts: {
        add: () => {
          this.enqueue(
            "charts.add",
            onSheet((s) => (s.charts += 1)),
          );
          return sink();
        },
      },
      freezePanes: {
        freezeRows: (n: number) =>
          this.enqueue(
            "freezeRows",
            onSheet((s) => (s.frozenRows = n)),
          ),
      },
      activate: () =>
        this.enqueue(
          "activate",
          onSheet((s) => (this.active = s.id)),
        ),
    };
  }

  /** The id of the active sheet (activate()). */
  active: string | null = null;

  private emptySheet(name: string): FakeSheet {
    return {
      id: `{00000000-0001-0000-0000-${String(this.nextId++).padStart(12, "0")}}`,
      name,
      formulas: {},
      numberFormats: {},
      tables: [],
      names: [],
      charts: 0,
      conditionalFormats: 0,
      validations: 0,
      frozenRows: 0,
      columnWidths: {},
    };
  }

  private range(address: string, onSheet: (f: (s: FakeSheet) => void) => () => void): unknown {
    const wb = this;
    return {
      set formulas(grid: unknown[][]) {
        const bytes = JSON.stringify(grid).length;
        wb.payloadBytes += bytes;
        wb.pendingBytes += bytes;
        wb.enqueue(
          "range.formulas",
          onSheet((s) => (s.formulas[address] = grid)),
        );
      },
      set numberFormat(grid: unknown[][]) {
        const bytes = JSON.stringify(grid).length;
        wb.payloadBytes += bytes;
        wb.pendingBytes += bytes;
        wb.enqueue(
          "range.numberFormat",
          onSheet((s) => (s.numberFormats[address] = grid)),
        );
      },
      format: sink(() =>
        wb.enqueue(
          "range.format",
          onSheet(() => undefined),
        ),
      ),
      conditionalFormats: {
        add: () => {
          wb.enqueue(
            "conditionalFormats.add",
            onSheet((s) => (s.conditionalFormats += 1)),
          );
          return sink();
        },
      },
      dataValidation: {
        set rule(rule: unknown) {
          wb.enqueue(
            "dataValidation",
            onSheet((s) => (s.validations += 1)),
          );
          wb.validationRules.push({ address, rule });
        },
        set errorAlert(_: unknown) {
          /* the message */
        },
      },
      getEntireColumn: () => ({
        format: {
          set columnWidth(points: number) {
            wb.enqueue(
              "columnWidth",
              onSheet((s) => (s.columnWidths[address] = points)),
            );
          },
        },
      }),
    };
  }
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
