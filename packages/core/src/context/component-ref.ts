/** The list a component appears in, as named by its `list_changed` notification. */
export type ListKind = 'tools' | 'resources' | 'prompts';

/**
 * What a session's visibility rules see of a component: its kind, the key it
 * is addressed by (its final, namespaced name; a static resource's URI; a
 * template's URI template) and its tags.
 */
export interface ComponentRef {
  readonly kind: 'tool' | 'prompt' | 'resource' | 'resourceTemplate' | 'mount';
  readonly key: string;
  readonly tags: readonly string[];
}

/** Picks components by exact (final, namespaced) name or by tag. */
export interface ComponentSelector {
  readonly names?: readonly string[];
  readonly tags?: readonly string[];
}

const ALL_LISTS: readonly ListKind[] = ['tools', 'resources', 'prompts'];

/** The lists a component of `kind` appears in: its own, or for a mount any of them. */
export const listsOf = (kind: ComponentRef['kind']): readonly ListKind[] =>
  kind === 'tool' ? ['tools'] : kind === 'prompt' ? ['prompts'] : kind === 'mount' ? ALL_LISTS : ['resources'];
