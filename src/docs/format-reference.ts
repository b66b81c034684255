/**
 * Generates the reference part of docs/format.md from the JSON Schema and the
 * placeholder table, so that the documentation cannot drift from the code.
 */
import { en } from '../locale/en.js';
import { getLocale, SUPPORTED_LANGUAGES } from '../locale/index.js';
import { PLACEHOLDERS, REFERENCE_KINDS } from '../normalize/facts.js';

interface SchemaNode {
  type?: string | string[];
  description?: string;
  examples?: unknown[];
  default?: unknown;
  enum?: unknown[];
  required?: string[];
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  additionalProperties?: SchemaNode | boolean;
  oneOf?: SchemaNode[];
  const?: unknown;
  format?: string;
}

export const BEGIN = '<!-- BEGIN GENERATED REFERENCE (npm run docs:format) -->';
export const END = '<!-- END GENERATED REFERENCE -->';

export function formatReference(schema: SchemaNode): string {
  const rows: string[] = ['| Field | Required | Type | Description | Example |', '| --- | --- | --- | --- | --- |'];
  const visit = (node: SchemaNode, path: string) => {
    for (const [key, child] of Object.entries(node.properties ?? {})) {
      if (key === '$schema') continue;
      const field = `${path}${key}`;
      rows.push(`| \`${field}\` | ${node.required?.includes(key) ? 'yes' : ''} | ${typeOf(child)} | ${cell(child.description ?? '')}${child.default !== undefined ? ` Default: \`${String(child.default)}\`.` : ''} | ${example(child)} |`);
      if (child.properties) visit(child, `${field}.`);
      if (child.oneOf) for (const branch of child.oneOf) if (branch.properties) visit(branch, `${field}.`);
      if (child.items?.properties) visit(child.items, `${field}[].`);
      if (child.items?.oneOf) for (const branch of child.items.oneOf) if (branch.properties) visit(branch, `${field}[].`);
      if (typeof child.additionalProperties === 'object') rows.push(`| \`${field}.<id>\` | | ${typeOf(child.additionalProperties)} | ${cell(child.additionalProperties.description ?? '')} | |`);
    }
  };
  visit(schema, '');
  const placeholders = ['| Placeholder | Gives |', '| --- | --- |', ...Object.entries(PLACEHOLDERS).map(([name, spec]) => `| \`{${name}}\` | ${cell(spec.describe)} |`)];
  const references = REFERENCE_KINDS.map((k) => `\`{${k}:ID}\``).join(', ');
  return [
    BEGIN,
    '',
    '### Fields',
    '',
    ...rows,
    '',
    '### Placeholders',
    '',
    'Write these in any text field; they are replaced by facts the definition already holds.',
    '',
    ...placeholders,
    '',
    `Item references: ${references} give "agenda item 2", "item 1 (b)" and "1 (b)" for the item with that id.`,
    '',
    'A placeholder may ask for a grammatical form after a bar, where the language has it: `{days|counted}` gives the number with its noun, agreeing as the language counts ("two days", "четыре пленарных заседания", "يومين"), and `{session|genitive}` the phrase in a case ("четырнадцатого совещания"). A translation may use forms its original does not: the placeholders must be the same, not their forms.',
    '',
    '| Language | Forms |',
    '| --- | --- |',
    ...SUPPORTED_LANGUAGES.map((code) => {
      const locale = getLocale(code)!;
      const forms = Object.entries(locale.placeholderForms).map(([name, list]) => `\`{${name}}\`: ${list!.join(', ')}`);
      return `| ${en.languageNames[code]} (\`${code}\`) | ${forms.join('; ')} |`;
    }),
    '',
    END,
  ].join('\n');
}

function typeOf(node: SchemaNode): string {
  if (node.oneOf) return node.oneOf.map(typeOf).join(' or ');
  if (node.const !== undefined) return `\`"${String(node.const)}"\``;
  if (node.enum) return node.enum.map((v) => `\`${String(v)}\``).join(', ');
  if (node.type === 'array') return `list of ${node.items ? typeOf(node.items) : 'values'}`;
  if (node.format === 'date') return 'date (YYYY-MM-DD)';
  if (node.type === 'object') return 'mapping';
  return String(node.type ?? 'value');
}

function example(node: SchemaNode): string {
  const first = node.examples?.[0];
  if (first === undefined || (typeof first === 'object' && !Array.isArray(first))) return '';
  return `\`${Array.isArray(first) ? `[${first.join(', ')}]` : String(first)}\``;
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
