/**
 * The schemas of rule parameters: what a profile or agenda.config.yaml may set each to,
 * how a value is checked against one, and how one reads in words (docs/rules.md and the
 * configuration's diagnostics).
 */
import type { ParameterSchema, ParameterValue, Parameters, Rule } from './types.js';

/** The schema a parameter's default implies: its type, and for a list the type of its items. */
function impliedSchema(value: ParameterValue): ParameterSchema {
  if (Array.isArray(value)) {
    const nested = value.length > 0 && Array.isArray(value[0]);
    return nested ? { type: 'array', items: { type: 'array', items: { type: 'string' } } } : { type: 'array', items: { type: 'string' } };
  }
  return { type: typeof value as 'string' | 'number' | 'boolean' };
}

/** The schema of a rule's parameter: the one it declares (every rule of the catalogue declares one), else the one its default implies. */
export function parameterSchema(rule: Rule<Parameters>, name: string): ParameterSchema {
  return rule.parameterSchemas?.[name] ?? impliedSchema(rule.parameters[name]!);
}

/**
 * Whether a value fits a parameter's schema, as a JSON Schema validator decides: a number is
 * finite (JSON has no NaN or Infinity), an integer has no fraction, bounds are inclusive.
 */
export function fitsSchema(schema: ParameterSchema, value: unknown): boolean {
  switch (schema.type) {
    case 'string':
      return typeof value === 'string' && (!schema.enum || schema.enum.includes(value));
    case 'boolean':
      return typeof value === 'boolean';
    case 'array':
      return Array.isArray(value) && (!schema.items || value.every((v) => fitsSchema(schema.items!, v)));
    case 'number':
    case 'integer':
      return (
        typeof value === 'number' &&
        Number.isFinite(value) &&
        (schema.type === 'number' || Number.isInteger(value)) &&
        (schema.minimum === undefined || value >= schema.minimum) &&
        (schema.maximum === undefined || value <= schema.maximum)
      );
  }
}

/** What a schema asks for, in words: "a whole number from 0 to 3650", "a list of texts". */
export function describeSchema(schema: ParameterSchema): string {
  switch (schema.type) {
    case 'string':
      return schema.enum ? 'a role (docs/rules.md, Roles)' : 'a text';
    case 'boolean':
      return 'true or false';
    case 'array': {
      const items = schema.items;
      if (!items) return 'a list';
      if (items.type === 'array') return items.items?.enum ? 'a list of lists of roles' : 'a list of lists of texts';
      if (items.type === 'string') return items.enum ? 'a list of roles' : 'a list of texts';
      return `a list, each ${describeSchema(items)}`;
    }
    case 'number':
    case 'integer': {
      const kind = schema.type === 'integer' ? 'a whole number' : 'a number';
      const { minimum: min, maximum: max } = schema;
      return min !== undefined && max !== undefined ? `${kind} from ${min} to ${max}` : min !== undefined ? `${kind} of at least ${min}` : max !== undefined ? `${kind} of at most ${max}` : kind;
    }
  }
}
