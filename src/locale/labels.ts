import { letters, roman } from './en.js';

/** A locale's sub-item labels, as `Locale` names them. */
export interface SubItemLabels {
  subItemLetter(index: number): string;
  subSubItemLabel(index: number): string;
  itemNumber(item: number, subItem?: number, subSubItem?: number): string;
}

/**
 * The labels of sub-items written with the letters of `style` and lower-case roman numerals
 * between its brackets ("(a)", "(i)" in English; "a)", "i)" in French, Spanish, Russian), and
 * how an item is cited with them: the parts joined by `between` ("2 (a) (i)"; "2(a)(i)" in Chinese).
 */
export function subItemLabels(style: { open: string; close: string; alphabet: string }, between = ' '): SubItemLabels {
  const sub = (index: number) => `${style.open}${letters(index, style.alphabet)}${style.close}`;
  const subSub = (index: number) => `${style.open}${roman(index)}${style.close}`;
  return {
    subItemLetter: sub,
    subSubItemLabel: subSub,
    itemNumber: (item, s, ss) => (s === undefined ? String(item) : `${item}${between}${sub(s)}` + (ss === undefined ? '' : `${between}${subSub(ss)}`)),
  };
}
