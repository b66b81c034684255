/**
 * Seeded mutations of meeting definitions: delete, duplicate and swap lines and
 * characters, change the type of a value, cut the file short. Used by the fuzz test
 * (a fixed number of cases in npm test) and by `npm run fuzz` (many more).
 */
import { random } from '../../bench/generate.js';

const TYPE_CHANGES = ['[]', '{}', '~', '0', '-1', 'true', '"', "'", '&a', '*a', '!!binary x', '|', '>', '- x', '? x', ': x', '{{x}}', '[^x]', '\\', '\t'];

export function mutate(source: string, seed: number): string {
  const rnd = random(seed);
  const int = (n: number) => Math.floor(rnd() * n);
  let text = source;
  const steps = 1 + int(3);
  for (let s = 0; s < steps; s++) {
    const lines = text.split('\n');
    const i = int(lines.length);
    const j = int(lines.length);
    switch (int(9)) {
      case 0:
        lines.splice(i, 1);
        break;
      case 1:
        lines.splice(i, 0, lines[i] ?? '');
        break;
      case 2:
        [lines[i], lines[j]] = [lines[j] ?? '', lines[i] ?? ''];
        break;
      case 3: {
        // Replace a value with something of another type.
        const line = lines[i] ?? '';
        const colon = line.indexOf(': ');
        lines[i] = colon >= 0 ? `${line.slice(0, colon + 2)}${TYPE_CHANGES[int(TYPE_CHANGES.length)]}` : `${line}${TYPE_CHANGES[int(TYPE_CHANGES.length)]}`;
        break;
      }
      case 4:
        return lines.join('\n').slice(0, int(text.length));
      case 5: {
        const k = int(text.length);
        return text.slice(0, k) + text.slice(k + 1 + int(8));
      }
      case 6: {
        const k = int(text.length);
        return text.slice(0, k) + text.charAt(int(text.length)) + text.slice(k);
      }
      case 7: {
        // Indentation damage.
        const line = lines[i] ?? '';
        lines[i] = rnd() < 0.5 ? ` ${line}` : line.replace(/^ /, '');
        break;
      }
      default: {
        // Unicode the tool must survive.
        const k = int(text.length);
        const odd = ['\u0000', '\uFEFF', '\u202E', '𝕏', '\uD800', '\u0301', '{', '}', '[^', '<script>', '\r'][int(11)]!;
        return text.slice(0, k) + odd + text.slice(k);
      }
    }
    text = lines.join('\n');
  }
  return text;
}

/** Text that --fix corrects, or that looks as if it might and must be left alone. */
const FIXABLE = [' at 10:00.', ' 70 percent', ' 70%', ' from 3-6 p.m.', ' 15:00-18:00', ' paragraph 1(a)', ' Article 5', ' 12 noon', ' 10 AM', ' split 3:15', ' 3:15 votes', ' unodc.org/percent-tables', ' https://x.org/10:00', ' on 15-19 October', ' E/2001/28 - E/CN.7/2001/12', '..', ' 12:00 and', ' a vote of 3:15', ' the ratio of 3:15 was', ' was 3:15.', ' UNODC.ORG/percent', ' Unodc.Org:8080/percent-tables', ' https://x.org/percent?q=percent'];

/**
 * Appends fixable text to a few lines: text values (titles, annotations, footnotes) end
 * up with something for --fix to do; other values end up invalid, which is fine too.
 */
export function sprinkleFixable(source: string, seed: number): string {
  const rnd = random(seed);
  const lines = source.split('\n');
  const candidates = lines.flatMap((line, i) => (/[A-Za-z.]\s*$/.test(line) && !/^\s*#/.test(line) ? [i] : []));
  for (let n = 1 + Math.floor(rnd() * 4); n > 0 && candidates.length; n--) {
    const i = candidates[Math.floor(rnd() * candidates.length)]!;
    lines[i] = lines[i]!.trimEnd() + FIXABLE[Math.floor(rnd() * FIXABLE.length)]!;
  }
  return lines.join('\n');
}
