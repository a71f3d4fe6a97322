import type { GitHubApi, IssueComment } from '../../../actions/terraform-plan-comment/src/github-api.js';
import {
  LABELS,
  labelFor,
  ourComments,
  publish,
} from '../../../actions/terraform-plan-comment/src/sticky.js';
import { marker } from '../../../actions/terraform-plan-comment/src/marker.js';

const issue = { owner: 'acme', repo: 'payments', number: 1 };
const BOT = 'github-actions[bot]';

/** In-memory GitHubApi recording the calls that change something. */
function memoryApi(initial: IssueComment[]) {
  const comments = [...initial];
  const calls: string[] = [];
  let id = 100;
  const api: GitHubApi = {
    ownLogin: async () => undefined,
    listComments: async () => [...comments],
    createComment: async (_i, body) => {
      const c = {
        id: ++id,
        nodeId: `N${id}`,
        body,
        login: BOT,
        htmlUrl: `u#${id}`,
        createdAt: `2025-01-01T00:00:${id}Z`,
      };
      comments.push(c);
      calls.push(`create ${c.id}`);
      return c;
    },
    updateComment: async (_i, cid, body) => {
      const c = comments.find((x) => x.id === cid)!;
      c.body = body;
      calls.push(`update ${cid}`);
      return c;
    },
    deleteComment: async (_i, cid) => {
      comments.splice(
        comments.findIndex((x) => x.id === cid),
        1,
      );
      calls.push(`delete ${cid}`);
    },
    minimizeComment: async (node) => void calls.push(`minimize ${node}`),
    listLabels: async () => [],
    addLabels: async () => {},
    removeLabel: async () => {},
  };
  return { api, calls, comments };
}

const c = (
  id: number,
  key: string,
  login = BOT,
  createdAt = `2024-01-01T00:00:${10 + id}Z`,
): IssueComment => ({
  id,
  nodeId: `N${id}`,
  body: `${marker(key, 'changes')}\nplan`,
  login,
  htmlUrl: `u#${id}`,
  createdAt,
});

describe('sticky comments', () => {
  test('ourComments: same login (case-insensitive) and key only', () => {
    const all = [c(1, 'a'), c(2, 'b'), c(3, 'a', 'mallory'), c(4, 'a', 'GitHub-Actions[bot]')];
    expect(ourComments(all, BOT, 'a').map((x) => x.id)).toEqual([1, 4]);
    expect(ourComments(all, BOT).map((x) => x.id)).toEqual([1, 2, 4]);
  });

  test.each([
    ['update', false, ['update 2'], [1, 2]],
    ['update', true, ['update 2', 'minimize N1', 'update 1'], [1, 2]],
    ['recreate', false, ['create 101', 'delete 1', 'delete 2'], [101]],
    ['recreate', true, ['create 101', 'minimize N1', 'update 1', 'minimize N2', 'update 2'], [1, 2, 101]],
  ] as const)(
    'mode %s, hide-previous %s, with a duplicate from a race',
    async (mode, hidePrevious, calls, left) => {
      const m = memoryApi([c(1, 'k'), c(2, 'k'), c(3, 'other'), c(4, 'k', 'mallory')]);
      const r = await publish(m.api, {
        issue,
        key: 'k',
        body: `${marker('k', 'destroy')}\nnew`,
        mode,
        hidePrevious,
        login: BOT,
        log: () => {},
      });
      expect(m.calls).toEqual(calls);
      expect(
        m.comments
          .filter((x) => ourComments([x], BOT, 'k').length || x.body.includes('plan-outdated'))
          .map((x) => x.id),
      ).toEqual(left);
      // Older comments still count (for labels) unless they were retired.
      const stillOurs = mode === 'update' && !hidePrevious ? [1, 2, 3] : [3, r.comment.id];
      expect(r.ours.map((x) => x.id).sort()).toEqual(stillOurs.sort());
    },
  );

  test.each([
    [[], 'tf:no-changes'],
    [['no-changes', 'no-changes'], 'tf:no-changes'],
    [['no-changes', 'changes'], 'tf:changes'],
    [['changes', 'destroy', 'no-changes'], 'tf:destroy'],
  ] as const)('labelFor(%j) = %s', (statuses, label) => {
    expect(labelFor(statuses)).toBe(label);
  });

  test('an errored plan outranks every other status; tf:errored is one of the labels kept exclusive', () => {
    expect(labelFor(['destroy', 'errored', 'no-changes'])).toBe('tf:errored');
    expect(Object.values(LABELS)).toEqual(['tf:no-changes', 'tf:changes', 'tf:destroy', 'tf:errored']);
  });
});
