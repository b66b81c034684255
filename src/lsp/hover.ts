/** A rule's documentation as an editor's hover shows it (Markdown). */
import type { RuleDocumentation } from '../core/index.js';

/** Markdown of the author's texts: characters that would format are escaped. */
export const escapeMarkdown = (text: string) => text.replace(/[\\`*_[\]<>#|]/g, '\\$&');

export function hoverMarkdown(rule: RuleDocumentation): string {
  const kind = rule.category === 'procedure' ? 'procedural rule' : 'editorial rule';
  const lines = [
    `**${rule.id} ${rule.name}** · ${kind} · ${rule.severity} by default${rule.fixable ? ' · fixable by `agenda check --fix`' : ''}`,
    '',
    escapeMarkdown(rule.description),
    '',
    `Source: ${escapeMarkdown(rule.source)}`,
    '',
    `docs/rules.md, "${rule.id} ${rule.name}"; silence one finding with \`# agenda-disable-next-line ${rule.id} -- the reason\``,
  ];
  return lines.join('\n');
}
