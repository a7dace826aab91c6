/**
 * Black-76: European options on a forward (or futures) price F, in plain doubles.
 *
 *   T = days / 365,  DF = e^(−r·T),  s = σ√T,  d1 = (ln(F/K) + s²/2) / s,  d2 = d1 − s
 *   call = DF·(F·N(d1) − K·N(d2))          put = DF·(K·N(−d2) − F·N(−d1))
 *
 * (F. Black, "The pricing of commodity contracts", J. Financial Economics 3 (1976), 167–179;
 * J. Hull, "Options, Futures, and Other Derivatives", the chapter on futures options and
 * Black's model.) Put–call parity: call − put = DF·(F − K).
 *
 * Settlement
 *   linear   premium in the quote currency per coin (USDC options): the price above.
 *   inverse  coin-settled (Deribit, OKX): the premium is paid in coin, linear ÷ F.
 *
 * Delta, in coins per option
 *   linear   ∂price/∂F: call DF·N(d1), put −DF·N(−d1).
 *   inverse  the premium-adjusted delta: linear delta − premium in coin. Buying a 0.50-delta
 *            call for 0.10 BTC adds only 0.40 BTC of exposure, because the 0.10 BTC paid no
 *            longer moves with the price. Deribit calls it the Net Transaction Delta, "Black
 *            Scholes Delta − Mark Price of Options", the delta its DeltaTotal uses (Deribit API
 *            documentation, private/get_account_summary → delta_total, and the greeks of
 *            public/ticker; its FAQ gives the 0.50/0.10 → 0.40 example); OKX reports a
 *            price-adjusted ("PA") delta beside its Black–Scholes deltaBS in the same spirit.
 *            Since N(d1) − call/(DF·F) = (K/F)·N(d2), it is computed as call DF·(K/F)·N(d2),
 *            put −DF·(K/F)·N(−d2), with no cancellation.
 *
 * Greeks, in the quote currency whatever the settlement (per coin of underlying)
 *   gamma  DF·φ(d1) / (F·s)
 *   vega   DF·F·φ(d1)·√T / 100                           per vol point (σ + 0.01)
 *   theta  (r·price − DF·F·φ(d1)·σ / (2√T)) / 365         per calendar day (price: linear)
 *
 * Accuracy. The textbook formula subtracts two nearly equal terms far out of the money and
 * loses the price there (and N(d) of a double rounds d1 before the tail). We use the form of
 * P. Jäckel, "Let's be rational", Wilmott (January 2015), 40–53: with x = ln(F/K), h = x/s,
 * t = s/2 and Y(z) = N(z)/φ(z) = √(π/2)·erfcx(−z/√2) (Mills' ratio), the out-of-the-money
 * value (x ≤ 0 for a call) is
 *
 *   V = √(F·K) · e^(−(h² + t²)/2) / √(2π) · [Y(h + t) − Y(h − t)]                        (*)
 *
 * one exponential and a difference of two smooth functions. The difference D = Y(h+t) − Y(h−t)
 * is evaluated without cancellation in each region:
 *   h + t ≤ −10        both ends in Y's asymptotic series (Abramowitz & Stegun 26.2.12),
 *                      Y(−u) ~ Σ (−1)ⁿ(2n−1)!!/u^(2n+1); each u₁^(−m) − u₂^(−m) is written as
 *                      (u₂ − u₁)·Σⱼ u₁^(−j)·u₂^(−(m+1−j)), a sum of positive terms.
 *   t < 0.01           Taylor in t: D = 2·Σ_(k odd) Y⁽ᵏ⁾(h)·tᵏ/k!, Y' = 1 + hY,
 *                      Y⁽ⁿ⁺¹⁾ = n·Y⁽ⁿ⁻¹⁾ + h·Y⁽ⁿ⁾.
 *   h + t > 0.85       the first term dominates (Jäckel's region): F·[N(d1) − ½·erfcx(−d2/√2)
 *                      ·e^(−d1²/2)], which is F·N(d1) − K·N(d2) without underflow.
 *   otherwise          (*) with Cody's erfcx; the cancellation costs at most 10/(2t) ulps.
 * In-the-money options are the out-of-the-money value plus the intrinsic value (parity), a sum
 * of positive terms. Price and delta are within 5e-13 relative of a 60-digit evaluation of the
 * textbook formulas over deep in- and out-of-the-money strikes (to ±37 standard deviations),
 * 0.5 day to 3 years and 5 % to 300 % vol, and also at σ√T down to 1e-5 (a minute at 1 %); what
 * is left is the rounding of σ√(days/365) and ln(F/K), which N(d) multiplies by up to d².
 *
 * Implied volatility solves V(s) = the price's time value for s in (0, 10·√T] by Newton's
 * method on ln V, kept inside a bracket that always holds the root and falling back to bisection
 * whenever a step leaves the bracket or does not shrink it fast enough (Numerical Recipes'
 * rtsafe); d ln V/ds = 1/D, finite even where V underflows. It stops after at most 100 steps.
 */
import { erfcx, expMinusHalfSquare, normCdf, normPdf } from "./normal";
import { DomainError, invalid, missing, overflow, Result } from "./errors";

export type OptionType = "call" | "put";
export const OPTION_TYPES: readonly OptionType[] = ["call", "put"];

export type Settlement = "linear" | "inverse";
export const SETTLEMENTS: readonly Settlement[] = ["linear", "inverse"];

export const DAYS_PER_YEAR = 365;
export const DEFAULT_RATE = 0;
/** 1000 %: more is a percentage typed as a whole number (60 for 60 %). */
export const MAX_VOL = 10;
/** ±100 % a year. */
export const MAX_RATE = 1;
/** 100 years: more is an expiry date typed where the days to expiry belong. */
export const MAX_DAYS = 36500;

/** One row of LEGS.OPTIONGREEKS. */
export interface Greeks {
  /** In the settlement currency (coin when inverse). */
  price: number;
  /** Coins per option; premium-adjusted when inverse. */
  delta: number;
  /** Change of the linear delta per unit of F. */
  gamma: number;
  /** Quote currency per vol point. */
  vega: number;
  /** Quote currency per calendar day. */
  theta: number;
}
export const GREEK_NAMES: readonly (keyof Greeks)[] = ["price", "delta", "gamma", "vega", "theta"];

const SQRT_PI_OVER_2 = 1.2533141373155003; // √(π/2)
const LN_SQRT_2PI = 0.9189385332046728; // ln √(2π)
const ONE_OVER_SQRT_2PI = 0.3989422804014327;
const SMALL_T = 0.01;
const ASYMPTOTIC_BELOW = -10;
const FIRST_TERM_ABOVE = 0.85;
const MAX_ITERATIONS = 100;

/** Everything the formulas share, from checked inputs. */
interface Model {
  type: OptionType;
  settlement: Settlement;
  F: number;
  K: number;
  lnF: number;
  lnK: number;
  r: number;
  df: number;
  sqrtT: number;
  /** ln(F/K). */
  x: number;
}

// ---------------------------------------------------------------------------------------------
// Argument checks: the message names the argument, the value and what is allowed.

function mustBeFinite(name: string, v: number): DomainError | null {
  return Number.isFinite(v) ? null : invalid(`${name} must be a finite number (got ${v})`);
}

function mustBePositive(name: string, v: number): DomainError | null {
  return mustBeFinite(name, v) ?? (v > 0 ? null : invalid(`${name} must be greater than 0 (got ${v})`));
}

function checkCommon(
  type: OptionType,
  forward: number,
  strike: number,
  days: number,
  rate: number,
  settlement: Settlement,
): DomainError | null {
  if (!OPTION_TYPES.includes(type)) return invalid(`type must be "call" or "put" (got ${String(type)})`);
  return (
    mustBePositive("forward", forward) ??
    mustBePositive("strike", strike) ??
    mustBePositive("days", days) ??
    (days <= MAX_DAYS
      ? null
      : invalid(`days must be at most ${MAX_DAYS} (100 years) (got ${days}): give the days to expiry, not the expiry date`)) ??
    mustBeFinite("rate", rate) ??
    (Math.abs(rate) <= MAX_RATE
      ? null
      : invalid(`rate must be between -${MAX_RATE} and ${MAX_RATE} (got ${rate}): give 5 % as 0.05`)) ??
    (SETTLEMENTS.includes(settlement) ? null : invalid(`settlement must be "linear" or "inverse" (got ${String(settlement)})`))
  );
}

function checkVol(vol: number): DomainError | null {
  return (
    mustBePositive("vol", vol) ??
    (vol <= MAX_VOL ? null : invalid(`vol must be at most ${MAX_VOL}, i.e. 1000 % (got ${vol}): give 60 % as 0.6`))
  );
}

function model(type: OptionType, F: number, K: number, days: number, r: number, settlement: Settlement): Model {
  // A subnormal number of days must not make T (or s below) exactly 0: 0/0 would follow.
  const T = Math.max(days / DAYS_PER_YEAR, Number.MIN_VALUE);
  const lnF = Math.log(F);
  const lnK = Math.log(K);
  // ln(F/K) to about an ulp of itself (N(d) multiplies its relative error by d², ~1400): near
  // the money F − K is exact (Sterbenz) and log1p keeps it, where rounding F/K first would cost
  // |ln(F/K)|⁻¹ ulps (1e-13 at 0.1 % from the strike); beyond, the log of the ratio; and where
  // the ratio would overflow or underflow, the difference of the logs.
  const ratio = F / K;
  const x =
    F >= 0.5 * K && F <= 2 * K ? Math.log1p((F - K) / K) : ratio >= 1e-300 && ratio <= 1e300 ? Math.log(ratio) : lnF - lnK;
  return { type, settlement, F, K, lnF, lnK, r, df: Math.exp(-r * T), sqrtT: Math.sqrt(T), x };
}

/** s = σ√T, never exactly 0. */
function totalVol(m: Model, vol: number): number {
  return Math.max(vol * m.sqrtT, Number.MIN_VALUE);
}

// ---------------------------------------------------------------------------------------------
// The out-of-the-money value (*), undiscounted.

interface Otm {
  value: number;
  /** ln value, finite even where value underflows (−Infinity only if it is truly 0). */
  log: number;
  /** d ln(value)/ds. */
  dLog: number;
}

/** The undiscounted value of the out-of-the-money option at log-moneyness xo = −|x| ≤ 0. */
function outOfTheMoney(m: Model, xo: number, s: number): Otm {
  const h = xo / s;
  const t = 0.5 * s;
  const d1 = h + t;
  const d2 = h - t;
  if (d1 > FIRST_TERM_ABOVE) {
    // V = F·g with g = N(d1) − e^(−x)·N(d2), the second term from erfcx so it cannot underflow
    // where it still matters; g > 0.6·N(d1) here.
    const g = normCdf(d1) - 0.5 * erfcx(-d2 * Math.SQRT1_2) * expMinusHalfSquare(d1);
    // √(F·K)·e^(xo/2) is the smaller of F and K.
    const [scale, lnScale] = m.F <= m.K ? [m.F, m.lnF] : [m.K, m.lnK];
    return { value: scale * g, log: lnScale + Math.log(g), dLog: normPdf(d1) / g };
  }
  let D: number;
  if (d1 <= ASYMPTOTIC_BELOW) D = asymptoticDifference(-d1, -d2, t);
  else if (t < SMALL_T) D = smallTDifference(h, t);
  else D = SQRT_PI_OVER_2 * (erfcx(-d1 * Math.SQRT1_2) - erfcx(-d2 * Math.SQRT1_2));
  const e = -0.5 * (h * h + t * t);
  const log = 0.5 * (m.lnF + m.lnK) + e + Math.log(D) - LN_SQRT_2PI;
  // Multiplying keeps every ulp; only where e^e itself would leave the double range (and √(FK)
  // could bring the product back) is the value taken from its logarithm.
  const value = e > -700 ? Math.sqrt(m.F) * Math.sqrt(m.K) * Math.exp(e) * D * ONE_OVER_SQRT_2PI : Math.exp(log);
  return { value, log, dLog: 1 / D };
}

/**
 * Y(−u₁) − Y(−u₂) for 10 ≤ u₁ < u₂ (u₂ − u₁ = 2t) from the asymptotic series of Mills' ratio.
 * The n-th term is (−1)ⁿ(2n−1)!!·(u₁^(−m) − u₂^(−m)), m = 2n + 1, and
 * u₁^(−m) − u₂^(−m) = 2t·a·c·H_(m−1) with a = 1/u₁, c = 1/u₂, H_k = Σ_(i≤k) aⁱ·c^(k−i), which
 * grows by H_k = a·H_(k−1) + cᵏ. The series is stopped at its smallest term; at u₁ ≥ 10 that is
 * below 1e-17 of the sum after about 25 terms.
 */
function asymptoticDifference(u1: number, u2: number, t: number): number {
  const a = 1 / u1;
  const c = 1 / u2;
  let H = 1; // H_0
  let cPow = 1; // c^k
  let doubleFactorial = 1; // (2n − 1)!!
  let sum = 0;
  let previous = Infinity;
  for (let n = 0; n < 60; n++) {
    const term = doubleFactorial * H;
    if (!(term < previous)) break; // the asymptotic series has started to diverge
    sum += n % 2 === 0 ? term : -term;
    if (term <= 1e-17 * sum) break;
    previous = term;
    // H_(2n) → H_(2n+2)
    cPow *= c;
    H = a * H + cPow;
    cPow *= c;
    H = a * H + cPow;
    doubleFactorial *= 2 * n + 1;
  }
  return 2 * t * a * c * sum;
}

/**
 * Y(h + t) − Y(h − t) for small t (|h| < 10): 2·(Y'·t + Y'''·t³/3! + Y⁽⁵⁾·t⁵/5! + Y⁽⁷⁾·t⁷/7!).
 * At t < 0.01 the next term is below 1e-19 of the sum. Y' = 1 + hY loses log₁₀(h²) ≤ 2 digits
 * as h → −10; the higher derivatives lose more but are weighted by t² ≤ 1e-4 and less.
 */
function smallTDifference(h: number, t: number): number {
  const y0 = SQRT_PI_OVER_2 * erfcx(-h * Math.SQRT1_2);
  const y1 = 1 + h * y0;
  const y2 = y0 + h * y1;
  const y3 = 2 * y1 + h * y2;
  const y4 = 3 * y2 + h * y3;
  const y5 = 4 * y3 + h * y4;
  const y6 = 5 * y4 + h * y5;
  const y7 = 6 * y5 + h * y6;
  const w = t * t;
  return 2 * t * (y1 + w * (y3 / 6 + w * (y5 / 120 + (w * y7) / 5040)));
}

/** Undiscounted price in the quote currency: the out-of-the-money value, plus intrinsic value. */
function undiscountedPrice(m: Model, s: number): number {
  const v = outOfTheMoney(m, -Math.abs(m.x), s).value;
  if (m.type === "call") return m.F > m.K ? m.F - m.K + v : v;
  return m.K > m.F ? m.K - m.F + v : v;
}

// ---------------------------------------------------------------------------------------------
// Public functions: plain numbers in, one number (or one row) or a domain error out, so an
// adapter can broadcast them over ranges.

/** A finite number (−0 as 0), or #NUM! naming what overflowed. */
function finite(name: string, v: number): Result<number> {
  if (!Number.isFinite(v)) return overflow(`${name} is too large for a worksheet number`);
  return v === 0 ? 0 : v;
}

function checked(
  type: OptionType,
  forward: number,
  strike: number,
  days: number,
  vol: number,
  rate: number,
  settlement: Settlement,
): Result<{ m: Model; s: number }> {
  const bad = checkCommon(type, forward, strike, days, rate, settlement) ?? checkVol(vol);
  if (bad) return bad;
  const m = model(type, forward, strike, days, rate, settlement);
  return { m, s: totalVol(m, vol) };
}

function settlementPrice(m: Model, s: number): number {
  const linear = m.df * undiscountedPrice(m, s);
  return m.settlement === "inverse" ? linear / m.F : linear;
}

function delta(m: Model, s: number): number {
  const h = m.x / s;
  const t = 0.5 * s;
  if (m.settlement === "linear") return m.type === "call" ? m.df * normCdf(h + t) : -m.df * normCdf(-(h + t));
  // Premium-adjusted: linear delta − premium in coin = ±DF·(K/F)·N(±d2).
  return m.type === "call" ? m.df * strikeWeightedCdf(m, h - t, h + t) : -m.df * strikeWeightedCdf(m, t - h, h + t);
}

/**
 * (K/F)·N(z) for z = ±d2. Where N(z) is small it may underflow while (K/F)·N(z) does not, so
 * there it is ½·erfcx(−z/√2)·e^(−d1²/2), using e^(−d2²/2)·K/F = e^(−d1²/2).
 */
function strikeWeightedCdf(m: Model, z: number, d1: number): number {
  if (z < -1) return 0.5 * erfcx(-z * Math.SQRT1_2) * expMinusHalfSquare(d1);
  return normCdf(z) * (m.K / m.F);
}

/** Option price in the settlement currency (quote currency when linear, coin when inverse). */
export function optionPrice(
  type: OptionType,
  forward: number,
  strike: number,
  days: number,
  vol: number,
  rate: number = DEFAULT_RATE,
  settlement: Settlement = "linear",
): Result<number> {
  const c = checked(type, forward, strike, days, vol, rate, settlement);
  if (c instanceof DomainError) return c;
  return finite("price", settlementPrice(c.m, c.s));
}

/** Delta in coins per option: ∂price/∂F when linear, premium-adjusted when inverse. */
export function optionDelta(
  type: OptionType,
  forward: number,
  strike: number,
  days: number,
  vol: number,
  rate: number = DEFAULT_RATE,
  settlement: Settlement = "linear",
): Result<number> {
  const c = checked(type, forward, strike, days, vol, rate, settlement);
  if (c instanceof DomainError) return c;
  return finite("delta", delta(c.m, c.s));
}

/** Price, delta, gamma, vega (per vol point) and theta (per calendar day). */
export function optionGreeks(
  type: OptionType,
  forward: number,
  strike: number,
  days: number,
  vol: number,
  rate: number = DEFAULT_RATE,
  settlement: Settlement = "linear",
): Result<Greeks> {
  const c = checked(type, forward, strike, days, vol, rate, settlement);
  if (c instanceof DomainError) return c;
  const { m, s } = c;
  const d1 = m.x / s + 0.5 * s;
  const pdf = normPdf(d1);
  const linearPrice = m.df * undiscountedPrice(m, s);
  // `+ 0` turns a −0 into 0 (a cell shows "0" either way), as finite() does for one number.
  const row: Greeks = {
    price: (m.settlement === "inverse" ? linearPrice / m.F : linearPrice) + 0,
    delta: delta(m, s) + 0,
    gamma: (m.df * pdf) / m.F / s + 0,
    vega: (m.df * m.F * pdf * m.sqrtT) / 100 + 0,
    theta: (m.r * linearPrice - (m.df * m.F * pdf * vol) / (2 * m.sqrtT)) / DAYS_PER_YEAR + 0,
  };
  const { isFinite } = Number;
  if (isFinite(row.price) && isFinite(row.delta) && isFinite(row.gamma) && isFinite(row.vega) && isFinite(row.theta)) {
    return row;
  }
  // Rare (a forward near the largest double): name the first greek that overflowed.
  const bad = GREEK_NAMES.find((name) => !isFinite(row[name])) as keyof Greeks;
  return overflow(`${bad} is too large for a worksheet number`);
}

/**
 * The volatility σ (0.6 = 60 %) at which the option is worth `price` (in the settlement
 * currency: coin when inverse). #N/A when no σ in (0, 10] gives it: a price at or below the
 * discounted intrinsic value (only σ = 0 or less would), at or above the no-arbitrage bound
 * DF·F for a call, DF·K for a put (σ = ∞), or needing more than 1000 %.
 */
export function impliedVol(
  type: OptionType,
  forward: number,
  strike: number,
  days: number,
  price: number,
  rate: number = DEFAULT_RATE,
  settlement: Settlement = "linear",
): Result<number> {
  const bad =
    checkCommon(type, forward, strike, days, rate, settlement) ??
    mustBeFinite("price", price) ??
    (price >= 0 ? null : invalid(`price must be 0 or more (got ${price})`));
  if (bad) return bad;
  const m = model(type, forward, strike, days, rate, settlement);
  const F = forward;
  const K = strike;
  const unit = settlement === "inverse" ? F : 1; // settlement currency → quote currency
  const shown = (quote: number) => String(quote / unit);
  const q = (price * unit) / m.df; // undiscounted, in the quote currency
  const intrinsic = type === "call" ? Math.max(F - K, 0) : Math.max(K - F, 0);
  const bound = type === "call" ? F : K;
  if (!(q < bound)) {
    return missing(
      `price ${price} is at or above the most a ${type} can be worth, ${shown(m.df * bound)} ` +
        `(the discounted ${type === "call" ? "forward" : "strike"}): no volatility gives it`,
    );
  }
  const timeValue = q - intrinsic;
  if (!(timeValue > 0)) {
    return missing(
      `price ${price} is ${timeValue < 0 ? "below" : "at"} the discounted intrinsic value ` +
        `${shown(m.df * intrinsic)}: no volatility above 0 gives it`,
    );
  }
  const xo = -Math.abs(m.x);
  const target = Math.log(timeValue);
  const objective = (s: number) => {
    const o = outOfTheMoney(m, xo, s);
    return { g: o.log - target, dg: o.dLog };
  };
  const sMax = MAX_VOL * m.sqrtT;
  if (objective(sMax).g < 0) {
    return missing(`price ${price} needs a volatility above ${MAX_VOL} (1000 %)`);
  }
  const s = solve(objective, sMax, Math.sqrt(2 * Math.abs(m.x)));
  return finite("implied volatility", s / m.sqrtT);
}

/**
 * The root of the increasing g on (0, sMax], g(sMax) ≥ 0: Newton steps from `guess` (Jäckel's
 * inflection point √(2|x|), where V turns from convex to concave) while they stay inside the
 * bracket and halve |g| at least as fast as bisection would; bisection otherwise. Returns the
 * Newton iterate once a step is below 1e-14 of s (the error is then about its square), or, when
 * bisection has closed the bracket, the point evaluated with the smallest |g|.
 */
function solve(objective: (s: number) => { g: number; dg: number }, sMax: number, guess: number): number {
  let lo = 0;
  let hi = sMax;
  let s = guess > 0 && guess < sMax ? guess : 0.5 * sMax;
  let step = hi - lo;
  let previousStep = step;
  let best = s;
  let bestG = Infinity;
  for (let i = 0; i < MAX_ITERATIONS; i++) {
    const { g, dg } = objective(s);
    if (Math.abs(g) < bestG) [best, bestG] = [s, Math.abs(g)];
    if (g === 0) return s;
    if (g < 0) lo = s;
    else hi = s;
    const newton = s - g / dg;
    if (newton === s) return s; // converged to the last bit
    if (newton > lo && newton < hi && Math.abs(2 * g) <= Math.abs(previousStep * dg)) {
      previousStep = step;
      step = newton - s;
      s = newton;
      if (Math.abs(step) <= 1e-14 * s) return s;
    } else {
      previousStep = step;
      step = 0.5 * (hi - lo);
      s = lo + step;
      if (hi - lo <= 1e-14 * hi) return best;
    }
  }
  return best;
}
