/**
 * The export formats Legwork reads, one file each in formats/. The reader tries them in this
 * order on the first lines of a file; a format's header is specific enough that at most one
 * matches.
 */
import { ExportFormat } from "./format";
import { binanceTrades } from "./formats/binance-trades";
import { bitmexExecutions } from "./formats/bitmex-executions";
import { bitmexWallet } from "./formats/bitmex-wallet";
import { binanceTransactions } from "./formats/binance-transactions";
import { bybitClassic } from "./formats/bybit-classic";
import { bybitClosedPnl } from "./formats/bybit-closed-pnl";
import { bybitUta } from "./formats/bybit-uta";
import { deribitTransactions } from "./formats/deribit-transactions";
import { hyperliquidFunding } from "./formats/hyperliquid-funding";
import { hyperliquidTrades } from "./formats/hyperliquid-trades";
import { okxTrades } from "./formats/okx-trades";

export const FORMATS: readonly ExportFormat[] = [
  binanceTrades,
  binanceTransactions,
  bybitUta,
  hyperliquidTrades,
  hyperliquidFunding,
  deribitTransactions,
  bitmexExecutions,
  bitmexWallet,
  okxTrades,
  bybitClassic,
  bybitClosedPnl,
];
