/**
 * Binance writes its export headers in the language of its web interface: one table for the
 * futures trade history, each language's header → the English names the reader uses. The
 * columns keep the English export's order in every language seen (Vietnamese below), so a
 * 13-column header that starts with the untranslated "Uid" in a language not listed here is read
 * by position, and the summary says so; its rows are checked like any other (Side BUY/SELL, a
 * date, a fee with its asset), so a file that is not this export shows problems, not numbers.
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

/** A translated trade-history header as the English names, with how it was recognised; null for any other header. */
export function englishTradeHeader(header: readonly string[]): { names: string[]; note: string } | null {
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
