/** A URI's scheme with its `://`, as the first group. */
const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*:\/\/)/;

/** Inserts `namespace/` after `scheme://`: `data://config` becomes `data://ns/config`. A URI without a scheme stays as it is. */
export const prefixUri = (uri: string, namespace: string): string => uri.replace(SCHEME, `$1${namespace}/`);

/** Undoes {@link prefixUri}: the URI without `namespace/` after its scheme, or undefined when it has none there. */
export const unprefixUri = (uri: string, namespace: string): string | undefined => {
  const match = SCHEME.exec(uri);
  const prefix = match ? `${match[1]}${namespace}/` : undefined;
  if (!prefix || !uri.startsWith(prefix)) return undefined;
  return (match as RegExpExecArray)[1] + uri.slice(prefix.length);
};
