/** Every strategy template, in the order the taskpane lists them. */
import { basisCurve } from "./basis-curve";
import { book } from "./book";
import { cashAndCarry, cashAndCarryLive } from "./cash-and-carry";
import { deltaNeutral } from "./delta-neutral";
import { enhancedExposure } from "./enhanced-exposure";
import { fundingBoard } from "./funding-board";
import { fundingCapture } from "./funding-capture";
import { fullHedge, partialHedge } from "./hedge";
import { optionsHedge, protectivePut } from "./options-hedge";
import { portfolio } from "./portfolio";
import { Template } from "./template";

export const TEMPLATES: readonly Template[] = [
  fullHedge,
  partialHedge,
  cashAndCarry,
  cashAndCarryLive,
  basisCurve,
  fundingCapture,
  fundingBoard,
  deltaNeutral,
  enhancedExposure,
  optionsHedge,
  protectivePut,
  portfolio,
  book,
];

export function templateById(id: string): Template | undefined {
  return TEMPLATES.find((t) => t.id === id);
}

export type { Template };

/** The strategy templates (legs, metrics, scenario grid): every template but the Book and the live boards. */
export const STRATEGY_TEMPLATES: readonly Template[] = TEMPLATES.filter((t) => (t.kind ?? "strategy") === "strategy");

/** The live boards (market data across venues or expiries). */
export const BOARD_TEMPLATES: readonly Template[] = TEMPLATES.filter((t) => t.kind === "board");
