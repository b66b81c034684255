/** Every rule, in id order. Adding a rule: write its module, then list it here. */
import leadTime from './lead-time.js';
import sixWeekRule from './six-week-rule.js';
import tenWeekSubmission from './ten-week-submission.js';
import adoptionItemPresent from './adoption-item-present.js';
import adoptionItemPosition from './adoption-item-position.js';
import openingItems from './opening-items.js';
import closingItems from './closing-items.js';
import reviewMechanismMaxOne from './review-mechanism-max-one.js';
import reviewMechanismCitation from './review-mechanism-citation.js';
import annexDates from './annex-dates.js';
import annexOpeningConsistent from './annex-opening-consistent.js';
import annexCoversItems from './annex-covers-items.js';
import annexItemOrder from './annex-item-order.js';
import meetingsCount from './meetings-count.js';
import interpretationLanguages from './interpretation-languages.js';
import documentationSection from './documentation-section.js';
import documentationSymbolsUnique from './documentation-symbols-unique.js';
import symbolGrammar from './symbol-grammar.js';
import symbolSeries from './symbol-series.js';
import distributionConsistency from './distribution-consistency.js';
import jobNumber from './job-number.js';
import jointSymbolDash from './joint-symbol-dash.js';
import dateFormat from './date-format.js';
import dateRange from './date-range.js';
import weekdayMatchesDate from './weekday-matches-date.js';
import timeFormat from './time-format.js';
import timeRange from './time-range.js';
import perCent from './per-cent.js';
import numbersInWords from './numbers-in-words.js';
import ordinalsInWords from './ordinals-in-words.js';
import referenceCase from './reference-case.js';
import referenceSpacing from './reference-spacing.js';
import headingStyle from './heading-style.js';
import unitedNationsUnabbreviated from './united-nations-unabbreviated.js';
import shortTitleAfterFullTitle from './short-title-after-full-title.js';
import unprintedText from './unprinted-text.js';
import frenchHighPunctuation from './french-high-punctuation.js';
import frenchFirstOfMonth from './french-first-of-month.js';
import spanishDateForm from './spanish-date-form.js';
import slotOrder from './slot-order.js';
import type { Parameters, Rule } from './types.js';

export const RULES: readonly Rule<Parameters>[] = [
  leadTime as unknown as Rule<Parameters>,
  sixWeekRule as unknown as Rule<Parameters>,
  tenWeekSubmission as unknown as Rule<Parameters>,
  adoptionItemPresent as unknown as Rule<Parameters>,
  adoptionItemPosition as unknown as Rule<Parameters>,
  openingItems as unknown as Rule<Parameters>,
  closingItems as unknown as Rule<Parameters>,
  reviewMechanismMaxOne as unknown as Rule<Parameters>,
  reviewMechanismCitation as unknown as Rule<Parameters>,
  annexDates as unknown as Rule<Parameters>,
  annexOpeningConsistent as unknown as Rule<Parameters>,
  annexCoversItems as unknown as Rule<Parameters>,
  annexItemOrder as unknown as Rule<Parameters>,
  meetingsCount as unknown as Rule<Parameters>,
  interpretationLanguages as unknown as Rule<Parameters>,
  documentationSection as unknown as Rule<Parameters>,
  documentationSymbolsUnique as unknown as Rule<Parameters>,
  symbolGrammar as unknown as Rule<Parameters>,
  symbolSeries as unknown as Rule<Parameters>,
  distributionConsistency as unknown as Rule<Parameters>,
  jobNumber as unknown as Rule<Parameters>,
  jointSymbolDash as unknown as Rule<Parameters>,
  dateFormat as unknown as Rule<Parameters>,
  dateRange as unknown as Rule<Parameters>,
  weekdayMatchesDate as unknown as Rule<Parameters>,
  timeFormat as unknown as Rule<Parameters>,
  timeRange as unknown as Rule<Parameters>,
  perCent as unknown as Rule<Parameters>,
  numbersInWords as unknown as Rule<Parameters>,
  ordinalsInWords as unknown as Rule<Parameters>,
  referenceCase as unknown as Rule<Parameters>,
  referenceSpacing as unknown as Rule<Parameters>,
  headingStyle as unknown as Rule<Parameters>,
  unitedNationsUnabbreviated as unknown as Rule<Parameters>,
  shortTitleAfterFullTitle as unknown as Rule<Parameters>,
  unprintedText as unknown as Rule<Parameters>,
  frenchHighPunctuation as unknown as Rule<Parameters>,
  frenchFirstOfMonth as unknown as Rule<Parameters>,
  spanishDateForm as unknown as Rule<Parameters>,
  slotOrder as unknown as Rule<Parameters>,
].sort((a, b) => (a.id < b.id ? -1 : 1));

const byKey = new Map<string, Rule<Parameters>>(RULES.flatMap((r) => [[r.id, r], [r.name, r]] as [string, Rule<Parameters>][]));

/** A rule by its id ("AG028") or its name ("per-cent"). */
export const findRule = (key: string): Rule<Parameters> | undefined => byKey.get(key) ?? byKey.get(key.toUpperCase());
