/**
 * Binance writes its export headers in the language of its web interface: one table for the
 * futures trade history, each language's header → the English names the reader uses. The
 * columns keep the English export's order in every language seen (Vietnamese below), so a
 * 13-column header that starts with the untranslated "Uid" in a language not listed here is read
 * by position, and the summary says so; its rows are checked like any other (Side BUY/SELL, a
 * date, a fee with its asset), so a file that is not this export shows problems, not numbers.
 * The older layout (Date(UTC),…,Quote Asset) is known in Simplified Chinese, by column name.
 * Sources: test/fixtures/exports/SOURCES.md.
 */
export const BINANCE_TRADE_COLUMNS = [
  "Uid",
  "Time",
  "Symbol",
  "Side",
  "Price",
  "Quantity",
  "Amount",
  "Fee",
  "Realized Profit",
  "Buyer",
  "Maker",
  "Trade ID",
  "Order ID",
] as const;

/** The header in each language found in real exports, in the English columns' order. */
const TRANSLATIONS: Record<string, readonly string[]> = {
  Vietnamese: [
    "Uid",
    "Thời gian",
    "Mã",
    "Bên",
    "Giá",
    "Số lượng",
    "Số tiền",
    "Phí",
    "Lợi nhuận đã thực hiện",
    "Người mua",
    "Người tạo",
    "ID giao dịch",
    "ID lệnh",
  ],
};

/**
 * The older layout's columns (Date(UTC),Symbol,Side,Price,Quantity,Amount,Fee,Fee Coin,Realized
 * Profit,Quote Asset) by name, in each language found: read by name, in any order.
 */
const OLDER_LAYOUT_NAMES: Record<string, Readonly<Record<string, string>>> = {
  // Two unrelated importers read Binance's Chinese files by exactly these ten names (SOURCES.md).
  "Simplified Chinese": {
    "时间(UTC)": "Date(UTC)",
    合约: "Symbol",
    方向: "Side",
    价格: "Price",
    数量: "Quantity",
    成交额: "Amount",
    手续费: "Fee",
    手续费结算币种: "Fee Coin",
    已实现盈亏: "Realized Profit",
    计价资产: "Quote Asset",
  },
};

/** A translated trade-history header as the English names, with how it was recognised; null for any other header. */
export function englishTradeHeader(header: readonly string[]): { names: string[]; note: string } | null {
  for (const [language, names] of Object.entries(OLDER_LAYOUT_NAMES)) {
    const cells = header.map((c) => c.normalize("NFC").trim());
    const known = cells.filter((c) => c in names).length;
    // Most of the columns, in this language's names (the reader then checks for the ones it needs).
    if (known >= 8)
      return { names: cells.map((c) => names[c] ?? c), note: `a ${language} header, read as Binance's English columns` };
  }
  if (header.length !== BINANCE_TRADE_COLUMNS.length || header.every((c, i) => c === BINANCE_TRADE_COLUMNS[i])) return null;
  const names = [...BINANCE_TRADE_COLUMNS];
  for (const [language, cells] of Object.entries(TRANSLATIONS)) {
    if (cells.every((c, i) => c.normalize("NFC") === header[i].normalize("NFC"))) {
      return { names, note: `a ${language} header, read as Binance's English columns` };
    }
  }
  if (header[0] !== "Uid") return null;
  return {
    names,
    note: `a header in a language Legwork has no table for ("${header.slice(1, 4).join(", ")}", …): columns read by position as Binance's English export (${BINANCE_TRADE_COLUMNS.slice(1, 4).join(", ")}, …)`,
  };
}
