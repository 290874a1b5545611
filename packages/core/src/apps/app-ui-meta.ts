import { DefinitionError } from '../errors/errors.js';
import { isPlainObject } from '../utils/is-plain-object.js';

/**
 * Origins an MCP App's view may reach; hosts build the iframe's
 * Content-Security-Policy from them and block anything undeclared.
 */
export interface AppCsp {
  /** Origins for fetch/XHR/WebSocket (`connect-src`). */
  readonly connectDomains?: readonly string[];
  /** Origins for scripts, styles, images, fonts and media. */
  readonly resourceDomains?: readonly string[];
  /** Origins for nested iframes (`frame-src`). */
  readonly frameDomains?: readonly string[];
  /** Allowed base URIs of the document (`base-uri`). */
  readonly baseUriDomains?: readonly string[];
}

/** Browser features a view asks the host for (each `{}` when wanted); hosts may refuse. */
export interface AppPermissions {
  readonly camera?: Readonly<Record<string, never>>;
  readonly microphone?: Readonly<Record<string, never>>;
  readonly geolocation?: Readonly<Record<string, never>>;
  readonly clipboardWrite?: Readonly<Record<string, never>>;
}

/** A view's `_meta.ui`: its security policy and rendering preferences. */
export interface AppResourceUi {
  readonly csp?: AppCsp;
  readonly permissions?: AppPermissions;
  /** A dedicated sandbox origin; its format is the host's to define. */
  readonly domain?: string;
  /** Whether the host should draw a border and background around the view. */
  readonly prefersBorder?: boolean;
}

const CSP_KEYS = ['connectDomains', 'resourceDomains', 'frameDomains', 'baseUriDomains'] as const;
const PERMISSION_KEYS = ['camera', 'microphone', 'geolocation', 'clipboardWrite'] as const;
/** A CSP source is one token: whitespace, `;` or `,` would let it add directives to the host's policy. */
const CSP_SOURCE = /^[^\s;,'"]+$/;

const checkCsp = (csp: unknown, what: string): AppCsp => {
  if (!isPlainObject(csp)) throw new DefinitionError(`${what}: csp must be an object of origin lists`);
  const out: Record<string, readonly string[]> = {};
  for (const [key, origins] of Object.entries(csp)) {
    if (!(CSP_KEYS as readonly string[]).includes(key)) {
      throw new DefinitionError(`${what}: unknown csp key '${key}' (expected ${CSP_KEYS.join(', ')})`);
    }
    if (origins === undefined) continue;
    if (!Array.isArray(origins) || !origins.every((o) => typeof o === 'string' && CSP_SOURCE.test(o))) {
      throw new DefinitionError(`${what}: csp.${key} must be a list of origins, each one token with no ; , or quotes`);
    }
    out[key] = [...origins];
  }
  return out;
};

const checkPermissions = (permissions: unknown, what: string): AppPermissions => {
  if (!isPlainObject(permissions)) throw new DefinitionError(`${what}: permissions must be an object`);
  const out: Record<string, Record<string, never>> = {};
  for (const [key, wanted] of Object.entries(permissions)) {
    if (!(PERMISSION_KEYS as readonly string[]).includes(key)) {
      throw new DefinitionError(`${what}: unknown permission '${key}' (expected ${PERMISSION_KEYS.join(', ')})`);
    }
    if (wanted) out[key] = {};
  }
  return out;
};

/**
 * Checks a view's UI metadata and returns the `_meta.ui` object to send:
 * only the keys the extension defines, origins one CSP token each.
 */
export const appResourceUi = (ui: AppResourceUi, what: string): AppResourceUi => {
  const out: { -readonly [K in keyof AppResourceUi]: AppResourceUi[K] } = {};
  if (ui.csp !== undefined) out.csp = checkCsp(ui.csp, what);
  if (ui.permissions !== undefined) out.permissions = checkPermissions(ui.permissions, what);
  if (ui.domain !== undefined) {
    if (typeof ui.domain !== 'string' || !CSP_SOURCE.test(ui.domain)) {
      throw new DefinitionError(`${what}: domain must be one host name`);
    }
    out.domain = ui.domain;
  }
  if (ui.prefersBorder !== undefined) {
    if (typeof ui.prefersBorder !== 'boolean') throw new DefinitionError(`${what}: prefersBorder must be a boolean`);
    out.prefersBorder = ui.prefersBorder;
  }
  return out;
};
