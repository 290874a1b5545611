import type { ParsedTemplate } from './uri-template.js';

const encodeRest = (value: unknown): string =>
  (Array.isArray(value) ? value.map(String) : String(value).split('/')).map(encodeURIComponent).join('/');

/** Builds a concrete URI from a template and values (the inverse of matching). */
export const expandTemplate = (template: ParsedTemplate, values: Readonly<Record<string, unknown>>): string => {
  let uri = '';
  for (const part of template.parts) {
    if (part.type === 'literal') uri += part.text;
    else if (part.type === 'segment') uri += encodeURIComponent(String(values[part.name] ?? ''));
    else if (part.type === 'rest') uri += encodeRest(values[part.name] ?? '');
    else {
      const pairs = part.names
        .filter((name) => values[name] !== undefined)
        .map((name) => `${encodeURIComponent(name)}=${encodeURIComponent(String(values[name]))}`);
      if (pairs.length) uri += `?${pairs.join('&')}`;
    }
  }
  return uri;
};
