// Issue labels of the fake GitHub API (../fake-github.mjs): list, add (POST {labels} or a bare array;
// unknown labels are created, as GitHub does), remove one (404 "Label does not exist" when absent). One store
// per fake, shared with the issues module (labels put on a new issue, the `labels` filter of the list).
// Does not model repository label definitions (colour, description) beyond a fixed shape.
import { stableId } from './http.mjs';

const LABELS = /^\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)\/labels$/;
export const LABEL_ROUTES = [
  ['GET', LABELS, 'labels.list'],
  ['POST', LABELS, 'labels.add'],
  ['DELETE', /^\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)\/labels\/([^/]+)$/, 'labels.remove'],
];

export function labelModel() {
  /** @type {Map<number, string[]>} issue number -> label names, in the order they were added */
  const store = new Map();
  const json = (name) => ({ id: stableId(name), name, color: 'ededed', default: false });

  function handle(route, { params, body, reply, fail }) {
    const issue = Number(params[2]);
    const names = store.get(issue) ?? [];
    if (route === 'labels.list') return reply(200, names.map(json));
    if (route === 'labels.add') {
      const add = Array.isArray(body) ? body : body && typeof body === 'object' ? body.labels : undefined;
      if (!Array.isArray(add) || !add.every((l) => typeof l === 'string' && l !== ''))
        return fail(422, "Invalid request.\n\nFor 'links/0/schema', nil is not an array.");
      for (const l of add) if (!names.includes(l)) names.push(l);
      store.set(issue, names);
      return reply(200, names.map(json));
    }
    const name = decodeURIComponent(params[3]);
    if (!names.includes(name)) return fail(404, 'Label does not exist');
    store.set(
      issue,
      names.filter((n) => n !== name),
    );
    return reply(200, (store.get(issue) ?? []).map(json));
  }

  return {
    routes: new Set(LABEL_ROUTES.map((r) => r[2])),
    handle,
    store,
    reset: () => store.clear(),
  };
}
