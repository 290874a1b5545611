/** The MCP Apps extension's identifier, as servers advertise and clients declare it in `capabilities.extensions`. */
export const APPS_EXTENSION = 'io.modelcontextprotocol/ui';

/** The MIME type of an MCP App's HTML view (a `ui://` resource). */
export const APP_MIME_TYPE = 'text/html;profile=mcp-app';

/** The flat `_meta` key older hosts read a tool's view from (deprecated by the extension; sent beside `_meta.ui`). */
export const LEGACY_RESOURCE_URI_KEY = 'ui/resourceUri';
