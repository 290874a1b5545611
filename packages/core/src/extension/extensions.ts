import { DefinitionError } from '../errors/errors.js';
import { isPlainObject } from '../utils/is-plain-object.js';

/** The extensions a server advertises: settings (an object, `{}` for none) by identifier (`vendor-prefix/name`). */
export type ExtensionSettings = Readonly<Record<string, Readonly<Record<string, unknown>>>>;

// `{vendor-prefix}/{extension-name}`: dot-separated labels (letters, digits, hyphens inside), then a name.
const IDENTIFIER =
  /^[a-zA-Z](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*\/[a-zA-Z0-9](?:[a-zA-Z0-9._-]*[a-zA-Z0-9])?$/;

/**
 * Checks the extensions a server advertises in `capabilities.extensions`:
 * each identifier in `vendor-prefix/name` form (e.g. `com.example/search`),
 * each settings value an object. Fails at construction otherwise.
 */
export const checkExtensions = (extensions: ExtensionSettings | undefined): ExtensionSettings | undefined => {
  if (extensions === undefined) return undefined;
  if (!isPlainObject(extensions)) throw new DefinitionError('extensions must be an object of settings by identifier');
  for (const [id, settings] of Object.entries(extensions)) {
    if (!IDENTIFIER.test(id)) {
      throw new DefinitionError(
        `Extension identifier ${JSON.stringify(id)} must have the form vendor-prefix/name (e.g. com.example/search)`,
      );
    }
    if (!isPlainObject(settings))
      throw new DefinitionError(`Extension ${id}: settings must be an object ({} for none)`);
  }
  return extensions;
};
