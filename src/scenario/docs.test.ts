/** Keeps docs/scenario-format.md true: every action and every module field is documented. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ENGINE_ACTION_TYPES, findModule, moduleNames } from '../engine';

const documentation = readFileSync(new URL('../../docs/scenario-format.md', import.meta.url), 'utf8');

function moduleSection(name: string): string {
  const start = documentation.indexOf(`### \`${name}\``, documentation.indexOf('## Modules'));
  if (start < 0) return '';
  const next = documentation.indexOf('\n### ', start + 1);
  return documentation.slice(start, next < 0 ? undefined : next);
}

describe('docs/scenario-format.md', () => {
  it.each([...ENGINE_ACTION_TYPES])('documents the %s action with an example', (type) => {
    expect(documentation).toContain(`### \`${type}\``);
    expect(documentation).toContain(`"type": "${type}"`);
  });

  it.each(moduleNames())('documents every field and action of the %s module', (name) => {
    const module = findModule(name)!;
    const section = moduleSection(name);
    expect(section, `no "### \`${name}\`" section under "## Modules"`).not.toBe('');
    const fields = [module.parameters, module.variants, module.workload, module.request].flatMap((specs) => Object.keys(specs));
    const missing = [...fields, ...Object.keys(module.actions), ...Object.keys(module.selectors).map((selector) => `@${selector}`)].filter(
      (field) => !section.includes(`\`${field}\``),
    );
    expect(missing).toEqual([]);
  });
});
