import { DefinitionError } from '../errors/errors.js';
import { LEGACY_RESOURCE_URI_KEY } from './constants.js';

/** Who may call a tool that has a view: the model (the agent), the view itself (`app`), or both (the default). */
export type AppVisibility = 'model' | 'app';

/** A tool's link to its MCP App view: the `ui` option of `tool()`, sent as `_meta.ui`. */
export interface ToolUi {
  /** The `ui://` URI of the view (an {@link appResource}'s `uri`) the host renders the tool's results in. */
  readonly resourceUri?: string;
  /**
   * `["model", "app"]` by default. `["app"]` hides the tool from the model (the
   * host lists it only to the view); `["model"]` stops the view calling it.
   */
  readonly visibility?: readonly AppVisibility[];
}

const VISIBILITIES: readonly string[] = ['model', 'app'];

/**
 * Merges a tool's `ui` option into its `_meta`: `_meta.ui` as the MCP Apps
 * extension defines it, plus the deprecated flat `ui/resourceUri` key that
 * older hosts read. Throws on a URI that is not `ui://` or an unknown
 * visibility.
 */
export const withToolUi = (
  meta: Readonly<Record<string, unknown>> | undefined,
  ui: ToolUi | undefined,
  name: string,
): Readonly<Record<string, unknown>> | undefined => {
  if (ui === undefined) return meta;
  const what = `Tool '${name}'`;
  const { resourceUri, visibility } = ui;
  if (resourceUri !== undefined && (typeof resourceUri !== 'string' || !resourceUri.startsWith('ui://'))) {
    throw new DefinitionError(`${what}: ui.resourceUri must be a ui:// URI`);
  }
  if (
    visibility !== undefined &&
    (!Array.isArray(visibility) || visibility.length === 0 || !visibility.every((v) => VISIBILITIES.includes(v)))
  ) {
    throw new DefinitionError(`${what}: ui.visibility must list 'model', 'app' or both`);
  }
  const out: Record<string, unknown> = {
    ...meta,
    ui: { ...(resourceUri && { resourceUri }), ...(visibility && { visibility: [...new Set(visibility)] }) },
  };
  if (resourceUri) out[LEGACY_RESOURCE_URI_KEY] = resourceUri;
  return out;
};
