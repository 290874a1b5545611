import { escapeHtml } from './escape.js';
import { htmlPage } from './page.js';

/** What the consent page shows. */
export interface ConsentView {
  readonly action: string;
  readonly requestId: string;
  readonly csrf: string;
  readonly clientName: string | undefined;
  readonly clientId: string;
  /** The client's metadata document URL, when it registered with CIMD. */
  readonly metadataUrl: string | undefined;
  readonly redirectHost: string;
  /** Where the decision redirects to (CSP `form-action`): the redirect URI's origin, or its scheme for app schemes. */
  readonly redirectTarget: string;
  readonly scopes: readonly string[];
  readonly user: string | undefined;
  readonly resourceName: string;
}

/** The consent page: which client asks for which scopes, on whose behalf; approve or deny. */
export const consentPage = (view: ConsentView): Response => {
  const name = escapeHtml(view.clientName ?? 'An application');
  const scopes = view.scopes.length
    ? `<p>It asks for:</p>\n<ul>${view.scopes.map((s) => `<li><code>${escapeHtml(s)}</code></li>`).join('')}</ul>`
    : '<p>It asks for no particular scopes.</p>';
  const source = view.metadataUrl
    ? `<p>Client metadata: <code>${escapeHtml(view.metadataUrl)}</code></p>`
    : `<p>Client id: <code>${escapeHtml(view.clientId)}</code></p>`;
  const user = view.user ? `<p>You are signed in as <strong>${escapeHtml(view.user)}</strong>.</p>` : '';
  return htmlPage(
    `Allow access to ${view.resourceName}?`,
    `<h1 id="consent-title">Allow <strong>${name}</strong> to use ${escapeHtml(view.resourceName)}?</h1>
${user}
<p>After you decide, you will be sent to <strong>${escapeHtml(view.redirectHost)}</strong>.</p>
${source}
${scopes}
<form method="post" action="${escapeHtml(view.action)}" aria-labelledby="consent-title">
<input type="hidden" name="request" value="${escapeHtml(view.requestId)}">
<input type="hidden" name="csrf" value="${escapeHtml(view.csrf)}">
<div class="actions">
<button type="submit" name="decision" value="approve" class="primary">Allow</button>
<button type="submit" name="decision" value="deny">Deny</button>
</div>
</form>`,
    200,
    [view.redirectTarget],
  );
};
