/**
 * A webpack loader for decimal.js: keeps the first DIGITS digits of its ln(10) and π constants.
 *
 * decimal.js carries both to 1,025 digits so that its precision can be raised to about 1,000;
 * its functions need ln(10) to their working precision (the precision plus guard digits, a few
 * tens more on a rare retry) and π only for trigonometry. Legwork's decimals work at 40 digits
 * (src/core/decimal.ts) and use no trigonometry, so 300 digits keep every result the same (the
 * bundle tests compare the built functions with the source on ln and pow) and save 1.4 KB of
 * functions.js's 60 KB budget. A precision past 300 would throw decimal.js's "Precision limit
 * exceeded", never give a wrong digit. If decimal.js changes so that the constants are not
 * found, the build fails rather than ship them untrimmed or broken.
 */
const DIGITS = 300;

module.exports = function trimDecimalConstants(source) {
  let found = 0;
  const out = source.replace(/(\n\s*(?:LN10|PI) = ')(\d\.\d{1000,})(')/g, (_, before, digits, after) => {
    found++;
    return before + digits.slice(0, DIGITS + 1) + after;
  });
  if (found !== 2) throw new Error(`trim-decimal-constants: expected decimal.js's LN10 and PI, found ${found} constants`);
  return out;
};

module.exports.DIGITS = DIGITS;
