import { DefinitionError } from '../errors/errors.js';
import { type TransformOptions, transform } from '../tool/transform.js';
import type { Component } from './component.js';

/**
 * Applies server-level transforms to tools by their final (namespaced) name,
 * so composed and proxied tools can be reshaped where they are served.
 */
export const applyTransforms = (
  components: readonly Component[],
  transforms: Readonly<Record<string, TransformOptions>> | undefined,
): readonly Component[] => {
  if (!transforms) return components;
  const unused = new Set(Object.keys(transforms));
  const result = components.map((component) => {
    // Own keys only: a tool named `constructor` must not pick up Object.prototype.constructor.
    const options =
      component.kind === 'tool' && Object.hasOwn(transforms, component.name) ? transforms[component.name] : undefined;
    if (!options || component.kind !== 'tool') return component;
    unused.delete(component.name);
    return transform(component, options);
  });
  // Mounted tools are only known at request time: their transforms are applied then (see mounted-transforms).
  const mounts = components.some((c) => c.kind === 'mount');
  if (unused.size && !mounts) {
    throw new DefinitionError(`transforms name tools the server does not have: ${[...unused].join(', ')}`);
  }
  return result;
};
