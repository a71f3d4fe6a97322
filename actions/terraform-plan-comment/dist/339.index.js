export const id = 339;
export const ids = [339];
export const modules = {

/***/ 339:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   publish: () => (/* binding */ publish),
/* harmony export */   statusesOf: () => (/* binding */ statusesOf),
/* harmony export */   syncLabels: () => (/* binding */ syncLabels)
/* harmony export */ });
/* unused harmony exports ourComments, LABELS, labelFor */
/* harmony import */ var _render_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(129);

/** Comments by `login` that carry a current slipway plan marker; with `key`, only that key's. */
function ourComments(comments, login, key) {
    return comments.filter((c) => {
        if (c.login.toLowerCase() !== login.toLowerCase())
            return false;
        const m = (0,_render_js__WEBPACK_IMPORTED_MODULE_0__/* .parseMarker */ .gY)(c.body);
        return m !== undefined && !m.outdated && (key === undefined || m.key === key);
    });
}
/**
 * One comment per key. `update`: edit the newest of ours in place (or create one). `recreate`: post anew,
 * then delete the older ones. With `hidePrevious`, older ones are minimised as outdated (and their marker
 * retired) instead of deleted or left as they are. Comments by anyone else are never touched.
 */
async function publish(api, o) {
    const all = await api.listComments(o.issue);
    const mine = ourComments(all, o.login, o.key).sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id - b.id);
    let comment;
    let action;
    let older;
    const newest = mine.at(-1);
    if (o.mode === 'update' && newest) {
        comment = await api.updateComment(o.issue, newest.id, o.body);
        o.log(`Updated comment ${comment.htmlUrl}`);
        action = 'updated';
        older = mine.slice(0, -1);
    }
    else {
        comment = await api.createComment(o.issue, o.body);
        o.log(`Created comment ${comment.htmlUrl}`);
        action = 'created';
        older = mine;
    }
    for (const c of older) {
        if (o.hidePrevious) {
            await api.minimizeComment(c.nodeId);
            await api.updateComment(o.issue, c.id, (0,_render_js__WEBPACK_IMPORTED_MODULE_0__/* .markOutdated */ .iY)(c.body));
            o.log(`Minimised outdated comment ${c.htmlUrl}`);
        }
        else if (o.mode === 'recreate') {
            await api.deleteComment(o.issue, c.id);
            o.log(`Deleted previous comment ${c.htmlUrl}`);
        }
    }
    const retired = new Set(older.filter(() => o.hidePrevious || o.mode === 'recreate').map((c) => c.id));
    const ours = ourComments([...all.filter((c) => c.id !== comment.id && !retired.has(c.id)), comment], o.login);
    return { comment, action, ours };
}
const LABELS = {
    'no-changes': 'tf:no-changes',
    changes: 'tf:changes',
    destroy: 'tf:destroy',
};
const RANK = { 'no-changes': 0, changes: 1, destroy: 2 };
/** The label for a PR whose plans (one per key) have these statuses: the most severe wins. */
function labelFor(statuses) {
    const worst = statuses.reduce((w, s) => (RANK[s] > RANK[w] ? s : w), 'no-changes');
    return LABELS[worst];
}
function statusesOf(comments) {
    return comments
        .map((c) => (0,_render_js__WEBPACK_IMPORTED_MODULE_0__/* .parseMarker */ .gY)(c.body)?.status)
        .filter((s) => s !== undefined && s in RANK);
}
/** Sets exactly one of the tf:* labels; leaves every other label alone. Returns the label set. */
async function syncLabels(api, issue, statuses, log) {
    const want = labelFor(statuses);
    const current = await api.listLabels(issue);
    if (!current.includes(want)) {
        await api.addLabels(issue, [want]);
        log(`Added label ${want}`);
    }
    for (const label of Object.values(LABELS)) {
        if (label !== want && current.includes(label)) {
            await api.removeLabel(issue, label);
            log(`Removed label ${label}`);
        }
    }
    return want;
}


/***/ })

};
