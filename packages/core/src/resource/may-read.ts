import type { AuthInfo } from '../context/auth.js';
import type { Component } from '../server/component.js';
import { matchTemplate } from './match-template.js';
import { parseUriTemplate } from './uri-template.js';

/**
 * Whether a caller with `auth` may read `uri`, as far as these components
 * tell: false only when a resource or template among them answers `uri` and
 * none of those that do admits the caller (its access rule, e.g. required
 * scopes). A URI none of them answers (unknown, or a mounted server's) is not
 * refused here. Transports use it before accepting `resources/subscribe`, so
 * a caller never hears of updates to a resource it may not read. Template
 * parameters are not validated, and no resource is read.
 */
export const mayReadResource = (components: readonly Component[], uri: string, auth: AuthInfo | undefined): boolean => {
  let answered = false;
  for (const component of components) {
    const matches =
      component.kind === 'resource'
        ? component.uri === uri
        : component.kind === 'resourceTemplate' &&
          matchTemplate(parseUriTemplate(component.uriTemplate), uri) !== undefined;
    if (!matches) continue;
    if (component.access === undefined || component.access(auth)) return true;
    answered = true;
  }
  return !answered;
};
