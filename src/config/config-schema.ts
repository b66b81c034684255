/**
 * The JSON Schema of agenda.config.yaml, generated from the rules, for editors
 * (`agenda schema --config`). The check itself validates with parseConfig, which
 * accepts exactly what this schema accepts and reports problems at their line.
 */
import { RULES } from '../rules/index.js';
import { parameterSchema } from '../rules/parameter-schema.js';
import { PROFILES } from '../rules/profiles.js';

// Declared with the rules, which own their parameters; the configuration reads them from there.
export { describeSchema, fitsSchema, parameterSchema } from '../rules/parameter-schema.js';

const SEVERITY = { type: 'string', enum: ['error', 'warning', 'info', 'off'] };

export function configSchema(): object {
  const rules: Record<string, object> = {};
  for (const rule of RULES) {
    const properties: Record<string, object> = { severity: SEVERITY };
    const docs = rule.parameterDocs as Record<string, string> | undefined;
    for (const [name, value] of Object.entries(rule.parameters)) properties[name] = { ...parameterSchema(rule, name), description: docs?.[name], default: value };
    const setting = { description: `${rule.id} ${rule.name}: ${rule.description}`, oneOf: [SEVERITY, { type: 'object', additionalProperties: false, properties }] };
    rules[rule.id] = setting;
    rules[rule.name] = setting;
  }
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://agenda.tools/schemas/agenda-config.schema.json',
    title: 'agenda configuration',
    description: 'agenda.config.yaml or .agendarc.yaml: the default profile and the severity and parameters of each rule (docs/rules.md).',
    type: 'object',
    additionalProperties: false,
    properties: {
      profile: { type: 'string', enum: PROFILES.map((p) => p.name), description: 'The profile of definitions that name none.' },
      rules: { type: 'object', additionalProperties: false, properties: rules },
      emblem: { type: 'string', minLength: 1, description: "An emblem file (SVG, PDF or PNG) printed at the left of the masthead of definitions that name none, its path relative to this file. The tool ships none: the UN emblem's use is restricted." },
    },
  };
}
