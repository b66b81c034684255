import type { ErrorObject, ValidateFunction } from 'ajv';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from '../diagnostics/types.js';
import { validate } from '../generated/meeting-validator.js';
import type { LoadedDefinition } from '../load/load.js';
import type { Path } from '../load/locator.js';
import { closest, describePath } from './describe.js';

/**
 * Every error of an invalid definition, each with its schema and data, from the validator
 * that lists them all. It is loaded only here: most definitions checked are valid, and its
 * code costs a check's start more than the small validator's (scripts/compile-schema.js).
 */
function everyError(data: unknown): ErrorObject[] {
  const url = new URL('../generated/meeting-validator-verbose.cjs', import.meta.url);
  const verbose = createRequire(import.meta.url)(fileURLToPath(url)) as ValidateFunction;
  verbose(data);
  return verbose.errors ?? [];
}

/** Checks the definition against schemas/meeting.schema.json; one clear diagnostic per problem. */
export function validateSchema(loaded: LoadedDefinition): Diagnostic[] {
  if (validate(loaded.data)) return [];
  const errors = everyError(loaded.data);
  // A failed oneOf also reports every branch's failure. When the value has the type of one
  // branch (a text where a date or a list of dates is allowed), that branch's errors say what
  // is wrong ("not a valid date"): keep them instead of the oneOf. Otherwise keep the oneOf alone.
  // (Sets and walks up each path: comparing every error with every oneOf was quadratic.)
  const oneOfPaths = new Set<string>();
  /** Per value (instancePath), the schema path of its chosen branch and the oneOf error. */
  const chosen = new Map<string, { prefix: string; oneOf: ErrorObject }>();
  const branchErrors = new Set<string>(); // "instancePath schemaPath-of-branch/" of every error inside a branch
  for (const e of errors) {
    const m = /^(.*\/oneOf\/\d+\/)/.exec(e.schemaPath);
    if (m) for (let p = e.instancePath; ; p = p.slice(0, p.lastIndexOf('/'))) {
      branchErrors.add(`${p} ${m[1]}`);
      if (!p) break;
    }
  }
  for (const e of errors) {
    if (e.keyword !== 'oneOf') continue;
    oneOfPaths.add(e.instancePath);
    const i = (e.schema as OneOfBranch[] | undefined)?.findIndex((b) => hasType(e.data, b.type)) ?? -1;
    const prefix = `${e.schemaPath}/${i}/`;
    if (i >= 0 && branchErrors.has(`${e.instancePath} ${prefix}`)) chosen.set(e.instancePath, { prefix, oneOf: e });
  }
  const underOneOf = (pointer: string) => {
    for (let p = pointer; p; p = p.slice(0, p.lastIndexOf('/'))) if (oneOfPaths.has(p)) return true;
    return oneOfPaths.has('');
  };
  /** The oneOf whose chosen branch reported this error, if any. */
  const chosenOneOf = (x: ErrorObject): ErrorObject | undefined => {
    if (!chosen.size) return undefined;
    for (let p = x.instancePath; ; p = p.slice(0, p.lastIndexOf('/'))) {
      const c = chosen.get(p);
      if (c && x.schemaPath.startsWith(c.prefix)) return c.oneOf;
      if (!p) return undefined;
    }
  };
  const kept = errors.filter((e) => (e.keyword === 'oneOf' ? !chosen.has(e.instancePath) : !underOneOf(e.instancePath) || chosenOneOf(e)));
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const error of kept) {
    if (out.length === MAX_SCHEMA_DIAGNOSTICS) {
      out.push({ file: loaded.file, line: 1, column: 1, severity: 'error', code: 'schema', message: `${kept.length - MAX_SCHEMA_DIAGNOSTICS} more problems with the form of the definition are not listed`, hint: 'correct the ones listed and check again' });
      break;
    }
    const d = toDiagnostic(error, loaded);
    // A branch's schema has no description of its own: the hint of the field it belongs to.
    const oneOf = d.hint === undefined ? chosenOneOf(error) : undefined;
    if (oneOf) d.hint = oneOfHint(oneOf);
    const key = `${d.line}:${d.column}:${d.message}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push(d);
    }
  }
  return out;
}

/** What a oneOf error's schema (ajv's verbose mode) holds of each branch. */
interface OneOfBranch {
  type?: string;
  format?: string;
  const?: unknown;
  minItems?: number;
  maxItems?: number;
  items?: OneOfBranch;
}

/** Whether a value has a JSON Schema type (as ajv decides it). */
function hasType(value: unknown, type: string | undefined): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'array':
      return Array.isArray(value);
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value);
    case 'integer':
      return Number.isInteger(value);
    case 'number':
      return typeof value === 'number';
    case 'boolean':
      return typeof value === 'boolean';
    default:
      return false;
  }
}

/** "a date (YYYY-MM-DD)", "a list of 2 dates", "'all'": one branch of a oneOf, in words. */
function branchInWords(b: OneOfBranch): string {
  if (b.const !== undefined) return `'${String(b.const)}'`;
  if (b.format === 'date') return 'a date (YYYY-MM-DD)';
  if (b.type === 'array' && b.items) {
    const count = b.minItems !== undefined && b.minItems === b.maxItems ? ` ${b.minItems}` : '';
    const of = b.items.format === 'date' ? `${count} dates` : b.items.type === 'string' ? `${count} texts` : '';
    return of ? `a list of${of}` : 'a list';
  }
  return TYPE_WORDS[b.type ?? ''] ?? 'something else';
}

/** The schema's examples as YAML would write them: 2023-09-11 or [2023-09-11, 2023-09-12]. */
function examplesOf(error: ErrorObject): string | undefined {
  const examples = (error.parentSchema as { examples?: unknown[] } | undefined)?.examples;
  if (!examples?.length) return undefined;
  const yaml = (v: unknown): string => (Array.isArray(v) ? `[${v.map(yaml).join(', ')}]` : typeof v === 'object' && v ? JSON.stringify(v) : String(v));
  return examples.map(yaml).join(' or ');
}

/** The field's description and examples: "The date of a one-day meeting, or ...; for example 2023-09-11 or [...]". */
function oneOfHint(error: ErrorObject): string | undefined {
  // The first sentence: what the field is (the rest of a description is editor help).
  const description = (error.parentSchema as { description?: string } | undefined)?.description?.split('. ')[0]!.replace(/\.$/, '');
  const examples = examplesOf(error);
  return [description, examples && `for example ${examples}`].filter(Boolean).join('; ') || undefined;
}

/** A file that is wrong everywhere gets this many schema diagnostics, then a count. */
const MAX_SCHEMA_DIAGNOSTICS = 100;

/** A value quoted in a message, cut short: a wrong value may be a whole page of text. */
const quote = (value: unknown): string => {
  const s = String(value);
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
};

function parsePointer(pointer: string): Path {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

const TYPE_WORDS: Record<string, string> = {
  string: 'a text',
  integer: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping of fields',
};

/** Fields that are right elsewhere: where they go, instead of the list of fields allowed here. */
const ELSEWHERE: Record<string, string> = {
  group_heading: "a group of items is opened by an item, not by a sub-item: move 'group_heading' to the item the group starts with",
};

function toDiagnostic(error: ErrorObject, loaded: LoadedDefinition): Diagnostic {
  const path = parsePointer(error.instancePath);
  const { data, locator, file } = loaded;
  const what = describePath(path, data);
  const description = (error.parentSchema as { description?: string } | undefined)?.description;
  const base = { file, severity: 'error' as const, code: 'schema' };
  switch (error.keyword) {
    case 'required': {
      const missing = (error.params as { missingProperty: string }).missingProperty;
      return { ...base, ...locator.valueStart(path), message: `${what} has no ${missing}`, hint: `add '${missing}:'${propertyHelp(error, missing)}` };
    }
    case 'additionalProperties': {
      const extra = (error.params as { additionalProperty: string }).additionalProperty;
      const allowed = Object.keys((error.parentSchema as { properties?: object } | undefined)?.properties ?? {});
      const guess = closest(extra, allowed);
      return {
        ...base,
        ...locator.keyStart([...path, extra]),
        message: `${what} has an unknown field '${extra}'${guess ? ` (did you mean '${guess}'?)` : ''}`,
        hint: ELSEWHERE[extra] ?? (allowed.length ? `the fields allowed here are: ${allowed.filter((k) => k !== '$schema').join(', ')}` : undefined),
      };
    }
    case 'type': {
      const expected = String((error.params as { type: string }).type).split(',').map((t) => TYPE_WORDS[t] ?? t).join(' or ');
      return { ...base, ...locator.valueStart(path), message: `${subjectOf(path, what)} should be ${expected}`, hint: description };
    }
    case 'enum': {
      const allowed = (error.params as { allowedValues: unknown[] }).allowedValues.map(String);
      const values = allowed.map((v) => `'${v}'`).join(', ');
      // A mistyped value ("treaty-bodies") gets the value it was probably meant to be.
      const guess = typeof error.data === 'string' ? closest(error.data, allowed) : undefined;
      return { ...base, ...locator.valueStart(path), message: `${subjectOf(path, what)} must be one of ${values}${guess ? ` (did you mean '${guess}'?)` : ''}`, hint: description };
    }
    case 'const':
      return { ...base, ...locator.valueStart(path), message: `${subjectOf(path, what)} must be '${String((error.params as { allowedValue: unknown }).allowedValue)}'`, hint: description };
    case 'format':
      return { ...base, ...locator.valueStart(path), message: `${subjectOf(path, what)} is not a valid date: '${quote(error.data)}'`, hint: 'write dates as YYYY-MM-DD, for example 2023-09-11' };
    case 'pattern':
      return { ...base, ...locator.valueStart(path), message: `${subjectOf(path, what)} is not in the expected form: '${quote(error.data)}'`, hint: patternHint(path, description, (error.parentSchema as { examples?: unknown[] } | undefined)?.examples) };
    case 'minItems': {
      const limit = (error.params as { limit: number }).limit;
      const empty = Array.isArray(error.data) && error.data.length === 0;
      return { ...base, ...locator.valueStart(path), message: `${subjectOf(path, what)} ${empty ? 'is empty' : `has too few entries (at least ${limit})`}`, hint: description };
    }
    case 'maxItems':
      return { ...base, ...locator.valueStart(path), message: `${subjectOf(path, what)} has too many entries (at most ${(error.params as { limit: number }).limit})`, hint: description };
    case 'minLength':
      return { ...base, ...locator.valueStart(path), message: `${subjectOf(path, what)} is empty`, hint: description };
    case 'uniqueItems': {
      // At the second of the two: the one to remove.
      const { i, j } = error.params as { i?: number; j?: number };
      const at = i !== undefined && j !== undefined ? locator.valueStart([...path, Math.max(i, j)]) : locator.valueStart(path);
      return { ...base, ...at, message: `${subjectOf(path, what)} lists the same value twice`, hint: description };
    }
    case 'minimum':
    case 'maximum':
      return { ...base, ...locator.valueStart(path), message: `${subjectOf(path, what)} ${error.message ?? 'is out of range'}`, hint: description };
    case 'propertyNames':
      return { ...base, ...locator.valueStart(path), message: `${what} has a name that is not allowed`, hint: 'names are letters, digits, hyphens and underscores' };
    case 'oneOf': {
      // The value has the type of no branch (else that branch's errors were reported): say which forms are allowed.
      const forms = ((error.schema as OneOfBranch[] | undefined) ?? []).map(branchInWords);
      return { ...base, ...locator.valueStart(path), message: `${subjectOf(path, what)} should be ${forms.length ? forms.join(' or ') : 'in a form allowed here'}`, hint: oneOfHint(error) };
    }
    default:
      return { ...base, ...locator.valueStart(path), message: `${what}: ${error.message ?? 'is not valid'}`, hint: description };
  }
}

/** "the title of agenda item 'x'" or "'meeting.venue'". */
function subjectOf(path: Path, what: string): string {
  const last = path[path.length - 1];
  if (typeof last === 'string' && path.length > 1) {
    const owner = describePath(path.slice(0, -1), undefined);
    if (owner.startsWith("'")) return `'${path.join('.')}'`;
    return `the ${last.replace(/_/g, ' ')} of ${what}`;
  }
  return what;
}

function propertyHelp(error: ErrorObject, property: string): string {
  const props = (error.parentSchema as { properties?: Record<string, { description?: string }> } | undefined)?.properties;
  const help = props?.[property]?.description;
  return help ? ` (${help.split('. ')[0]!.replace(/\.$/, '')})` : '';
}

/** What to write instead of a value that does not match its pattern: the field's own hint, or its description and examples. */
function patternHint(path: Path, description?: string, examples?: unknown[]): string | undefined {
  const last = path[path.length - 1];
  if (last === 'id' || (path[path.length - 2] === 'items' && path.includes('slots'))) return 'ids are lower-case letters, digits and hyphens, starting with a letter (law-enforcement)';
  if (last === 'time') return 'write a meeting as start and end on the 24-hour clock: 10:00-13:00';
  if (path.length === 2 && path[0] === 'document' && last === 'symbol') return 'a document symbol has no spaces: CTOC/COP/WG.3/2023/1; a joint document lists its symbols ([A/80/1, E/2025/1]) or joins them with a spaced en dash (A/80/1 – E/2025/1)';
  if (last === 'symbol' || path.includes('symbol')) return 'a document symbol has no spaces: CTOC/COP/WG.3/2023/1';
  const shown = (examples ?? []).filter((e): e is string => typeof e === 'string');
  return shown.length ? `${description ? `${description.replace(/\.$/, '')}; ` : ''}for example ${shown.map((e) => `'${e}'`).join(' or ')}` : description;
}
