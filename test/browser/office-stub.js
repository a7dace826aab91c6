/*
 * A stand-in Office host for the taskpane page in Chromium, injected before the page's scripts:
 * Office.onReady reports Excel, CustomFunctions.associate accepts the functions, and Excel.run
 * gives a context that records what the writer sends (window.__legwork.batches), applying
 * nothing. Loading reads of collections return empty lists (a new, empty workbook).
 */
(() => {
  const record = { batches: [] };
  window.__legwork = record;
  window.Office = {
    HostType: { Excel: "Excel" },
    onReady(callback) {
      const info = { host: "Excel", platform: "OfficeOnline" };
      setTimeout(() => callback && callback(info), 0);
      return Promise.resolve(info);
    },
  };
  window.CustomFunctions = {
    associate() {},
    Error: function (code, message) {
      this.code = code;
      this.message = message;
    },
    ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A", divisionByZero: "#DIV/0!", invalidNumber: "#NUM!" },
  };
  function sink(batch, path) {
    const fn = function () {};
    return new Proxy(fn, {
      get(_t, prop) {
        if (prop === "then") return undefined;
        if (prop === "items") return [];
        return sink(batch, `${path}.${String(prop)}`);
      },
      set(_t, prop, value) {
        batch.ops.push({ op: `${path}.${String(prop)}`, value });
        return true;
      },
      apply(_t, _this, args) {
        // Ranges passed as arguments are proxies: record them by name only.
        batch.ops.push({ op: `${path}()`, args: args.map((a) => (typeof a === "function" ? "[object]" : a)) });
        return sink(batch, `${path}()`);
      },
    });
  }
  window.Excel = {
    async run(callback) {
      const batch = { ops: [], syncs: 0 };
      record.batches.push(batch);
      const context = sink(batch, "context");
      const ctx = new Proxy(context, {
        get(target, prop) {
          if (prop === "sync") {
            return async () => {
              batch.syncs += 1;
              // Tests set this to make the n-th sync fail, as Excel does for a protected workbook.
              if (window.__legworkFailSync === batch.syncs) throw new Error("The workbook structure is protected.");
            };
          }
          return target[prop];
        },
      });
      return callback(ctx);
    },
  };
})();
