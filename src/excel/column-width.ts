/**
 * Column widths: plans give them in characters, as Excel's Format › Column Width does; Office.js
 * takes points. Excel measures a width of n characters as n times the widest digit of the
 * default font (7 px for Calibri 11) plus 5 px of cell padding (ECMA-376 §18.3.1.13), and a pixel
 * is 0.75 pt at 96 dpi: the default 8.43 characters is 64 px = 48 pt.
 */
const DIGIT_PX = 7;
const PADDING_PX = 5;
const POINTS_PER_PX = 0.75;

export function columnWidthPoints(characters: number): number {
  return (characters * DIGIT_PX + PADDING_PX) * POINTS_PER_PX;
}
