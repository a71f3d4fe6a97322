export const id = 81;
export const ids = [81];
export const modules = {

/***/ 81:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   fsLocator: () => (/* binding */ fsLocator),
/* harmony export */   parseJUnit: () => (/* binding */ parseJUnit),
/* harmony export */   totals: () => (/* binding */ totals)
/* harmony export */ });
/* unused harmony export locate */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(24);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var fast_xml_parser__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(879);



const parser = new fast_xml_parser__WEBPACK_IMPORTED_MODULE_2__/* ["default"] */ .A({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    textNodeName: '#text',
    isArray: (name) => ['testsuite', 'testcase', 'failure', 'error', 'skipped'].includes(name),
    processEntities: true,
    htmlEntities: true,
    parseAttributeValue: false,
    parseTagValue: false,
    trimValues: false,
});
function asArray(v) {
    if (v === undefined || v === null)
        return [];
    return (Array.isArray(v) ? v : [v]).map((x) => typeof x === 'object' && x ? x : { '#text': String(x) });
}
function attr(n, name) {
    const v = n[`@${name}`];
    return v === undefined ? undefined : String(v);
}
function text(n) {
    const t = n['#text'];
    return typeof t === 'string' ? t : '';
}
/** Every <testcase> below a node, with the name of the suite that holds it; nested suites included. */
function collectCases(node, suite, out) {
    for (const tc of asArray(node.testcase))
        out.push({ suite, tc });
    for (const s of asArray(node.testsuite))
        collectCases(s, attr(s, 'name') ?? suite, out);
}
const fsLocator = (workspace) => ({ workspace, exists: (p) => (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(p) });
function inWorkspace(path, loc) {
    const abs = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute)(path) ? path : (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(loc.workspace, path);
    const rel = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.relative)(loc.workspace, abs);
    if (rel === '' || rel.startsWith('..') || (0,node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute)(rel))
        return undefined;
    if (rel.split(node_path__WEBPACK_IMPORTED_MODULE_1__.sep).includes('node_modules'))
        return undefined;
    return loc.exists(abs) ? rel.split(node_path__WEBPACK_IMPORTED_MODULE_1__.sep).join('/') : undefined;
}
/**
 * Where a failure happened, from (in order): the testcase's file/line attributes (pytest xunit1, jest-junit
 * with addFileAttribute, node --test), a stack frame or `path:line:` in the failure text that points into
 * the workspace (JavaScript, Python), or a Java frame `(Foo.java:42)` resolved through the class name.
 */
function locate(tc, details, loc) {
    const attrFile = tc.file ? inWorkspace(tc.file.replace(/^file:\/\//, ''), loc) : undefined;
    const attrLine = tc.line && /^\d+$/.test(tc.line) ? Number(tc.line) : undefined;
    if (attrFile && attrLine)
        return { file: attrFile, line: attrLine };
    // JavaScript stack frames "(/abs/path.js:12:5)" / "at /abs/path.js:12:5" and Python "path.py:12: Error".
    const frames = [
        ...details.matchAll(/(?:\(|at |^|\s)((?:file:\/\/)?[^\s():]+\.[A-Za-z0-9]+):(\d+)(?::\d+)?/gm),
    ];
    const candidates = [];
    for (const m of frames) {
        const file = inWorkspace((m[1] ?? '').replace(/^file:\/\//, ''), loc);
        if (file)
            candidates.push({ file, line: Number(m[2]) });
    }
    const sameFile = attrFile ? candidates.find((c) => c.file === attrFile) : undefined;
    const first = sameFile ?? candidates[0];
    if (first)
        return first;
    // Java: "at com.acme.FooTest.bar(FooTest.java:42)" -> src/test/java/com/acme/FooTest.java. The frame in the
    // test class itself wins over assertion-library frames above it.
    if (tc.classname) {
        const simple = (tc.classname.split('.').at(-1) ?? '').split('$')[0] ?? '';
        const pkg = tc.classname.split('.').slice(0, -1).join('/');
        const javaFrames = [...details.matchAll(/\(([A-Za-z0-9_$]+)\.(java|kt|scala|groovy):(\d+)\)/g)];
        const own = javaFrames.find((m) => m[1] === simple);
        if (own) {
            const fileName = `${own[1]}.${own[2]}`;
            for (const root of ['src/test/java', 'src/test/kotlin', 'src/test/scala', 'src/main/java', '']) {
                const file = inWorkspace((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(root, pkg, fileName), loc);
                if (file)
                    return { file, line: Number(own[3]) };
            }
        }
    }
    // Python class names: "tests.test_calc" -> tests/test_calc.py.
    if (!attrFile && tc.classname) {
        const parts = tc.classname.split('.');
        for (let n = parts.length; n > 0; n--) {
            const file = inWorkspace(`${parts.slice(0, n).join('/')}.py`, loc);
            if (file)
                return { file };
        }
    }
    return attrFile ? { file: attrFile } : {};
}
/** Parses one JUnit XML document (jest-junit, pytest, surefire, node --test and similar). */
function parseJUnit(xml, file, loc) {
    let doc;
    try {
        doc = parser.parse(xml);
    }
    catch (err) {
        throw new Error(`${file} is not valid XML: ${err instanceof Error ? err.message : String(err)}`);
    }
    const root = (doc.testsuites ?? doc.testsuite);
    if (root === undefined)
        throw new Error(`${file} is not a JUnit report (no <testsuites> or <testsuite> element)`);
    const cases = [];
    if (doc.testsuites !== undefined) {
        for (const r of asArray(doc.testsuites))
            collectCases(r, attr(r, 'name') ?? '', cases);
    }
    else {
        for (const s of asArray(doc.testsuite))
            collectCases(s, attr(s, 'name') ?? '', cases);
    }
    const report = { file, tests: 0, passed: 0, failed: 0, errors: 0, skipped: 0, failures: [] };
    for (const { suite, tc } of cases) {
        report.tests++;
        const failures = asArray(tc.failure);
        const errors = asArray(tc.error);
        if (failures.length || errors.length) {
            const kind = failures.length ? 'failure' : 'error';
            const f = (failures[0] ?? errors[0]);
            if (kind === 'failure')
                report.failed++;
            else
                report.errors++;
            const details = `${attr(f, 'message') ?? ''}\n${text(f)}`;
            const classname = attr(tc, 'classname') ?? '';
            const where = locate({ file: attr(tc, 'file'), line: attr(tc, 'line'), classname }, details, loc);
            report.failures.push({
                suite,
                name: attr(tc, 'name') ?? '(unnamed test)',
                classname,
                message: firstLines(attr(f, 'message') || text(f) || kind, 6),
                kind,
                ...where,
            });
        }
        else if (tc.skipped !== undefined) {
            report.skipped++;
        }
        else {
            report.passed++;
        }
    }
    return report;
}
function firstLines(s, n) {
    const lines = s.trim().split('\n');
    return lines.slice(0, n).join('\n') + (lines.length > n ? '\n…' : '');
}
function totals(reports) {
    const t = { tests: 0, passed: 0, failed: 0, errors: 0, skipped: 0 };
    for (const r of reports) {
        t.tests += r.tests;
        t.passed += r.passed;
        t.failed += r.failed;
        t.errors += r.errors;
        t.skipped += r.skipped;
    }
    return t;
}


/***/ })

};
