import { errorMessage } from '../../shared/src/errors.js';
import { httpStatus } from './github-api.js';

/** Explains a failed GitHub call for a warning: what happened and what would fix it. */
export function describeGitHubError(err: unknown): string {
  const status = httpStatus(err);
  const message = errorMessage(err).split('\n')[0] ?? '';
  switch (status) {
    case 401:
      return `HTTP 401 (${message}): the github-token is invalid or expired.`;
    case 403:
      return (
        `HTTP 403 (${message}): the token may not write to this pull request. On pull requests from forks the ` +
        'workflow token is read-only; otherwise grant `permissions: pull-requests: write` (or `issues: write`). ' +
        'The plan is in the job summary.'
      );
    case 404:
      return `HTTP 404 (${message}): the pull request or comment was not found, or the token cannot see this repository.`;
    case 422:
      return `HTTP 422 (${message}): GitHub rejected the request as invalid.`;
    case undefined:
      return message;
    default:
      if (status === 500 && /fetch failed|socket|ECONN|closed|terminated/i.test(message)) {
        return `network error (${message}) after retries.`;
      }
      return status >= 500
        ? `HTTP ${status} (${message}) after retries; GitHub or the network failed.`
        : `HTTP ${status} (${message})`;
  }
}
