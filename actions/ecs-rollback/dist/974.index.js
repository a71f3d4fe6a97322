export const id = 974;
export const ids = [974];
export const modules = {

/***/ 8974:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   fromDescribeOutput: () => (/* binding */ fromDescribeOutput),
/* harmony export */   toRegisterInput: () => (/* binding */ toRegisterInput)
/* harmony export */ });
/* unused harmony exports DESCRIBE_ONLY_FIELDS, isJsonObject, detectFormat, parseTaskDefinition, loadTaskDefinitionFile, unwrapDescribeOutput, stripDescribeOnlyFields, readTags, mergeTags, unsupportedCapacityProviders, findDuplicateJsonKey */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7524);



/**
 * Fields DescribeTaskDefinition returns that RegisterTaskDefinition rejects ("Unexpected key ... found in
 * params"). Everything else is passed through, so fields added to ECS later are never dropped here.
 */
const DESCRIBE_ONLY_FIELDS = [
    'taskDefinitionArn',
    'revision',
    'status',
    'requiresAttributes',
    'compatibilities',
    'registeredAt',
    'registeredBy',
    'deregisteredAt',
    'deleteRequestedAt',
];
function isJsonObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/** By extension (.json, .yaml, .yml), else by sniffing: a document starting with `{` is JSON. */
function detectFormat(path, text) {
    const ext = extname(path).toLowerCase();
    if (ext === '.json')
        return 'json';
    if (ext === '.yaml' || ext === '.yml')
        return 'yaml';
    return text.trimStart().startsWith('{') ? 'json' : 'yaml';
}
/**
 * Parses a task definition file's text. JSON duplicate keys are an error (JSON.parse would silently keep
 * the last one); YAML duplicates are rejected by the YAML parser. A whole DescribeTaskDefinition response
 * (`{"taskDefinition": {...}, "tags": [...]}`, as `aws ecs describe-task-definition` prints it) is unwrapped.
 */
async function parseTaskDefinition(text, source, format) {
    let value;
    if (format === 'json') {
        try {
            value = JSON.parse(text);
        }
        catch (err) {
            throw new ActionError(`${source} is not valid JSON: ${errorMessage(err)}`);
        }
        const duplicate = findDuplicateJsonKey(text);
        if (duplicate) {
            throw new ActionError(`${source} has the key '${duplicate.key}' twice in the same object (at ${duplicate.path}); JSON parsers keep only one of them, so remove the other`);
        }
    }
    else {
        const YAML = await __webpack_require__.e(/* import() */ 815).then(__webpack_require__.t.bind(__webpack_require__, 8815, 19));
        const doc = YAML.parseDocument(text, { uniqueKeys: true, prettyErrors: true });
        if (doc.errors.length > 0) {
            const first = doc.errors[0];
            throw new ActionError(`${source} is not valid YAML: ${first.message.split('\n')[0]}${doc.errors.length > 1 ? ` (and ${doc.errors.length - 1} more)` : ''}`);
        }
        value = doc.toJS({ maxAliasCount: 100 });
    }
    if (!isJsonObject(value)) {
        throw new ActionError(`${source} must hold one task definition object (with family and containerDefinitions), not ${describeJsonType(value)}`);
    }
    return unwrapDescribeOutput(value);
}
/** Reads and parses a task definition file (JSON or YAML). Errors name the path and what is wrong. */
async function loadTaskDefinitionFile(path) {
    let text;
    try {
        if (statSync(path).isDirectory())
            throw new ActionError(`${path} is a directory, not a task definition file`);
        text = readFileSync(path, 'utf8');
    }
    catch (err) {
        if (err instanceof ActionError)
            throw err;
        throw new ActionError(`cannot read task definition file ${path}: ${errorMessage(err)}`);
    }
    if (text.trim() === '')
        throw new ActionError(`task definition file ${path} is empty`);
    return parseTaskDefinition(text.replace(/^\uFEFF/, ''), `task definition file ${path}`, detectFormat(path, text));
}
/** `{taskDefinition: {...}, tags: [...]}` -> the task definition with the tags inside; else unchanged. */
function unwrapDescribeOutput(value) {
    const inner = value.taskDefinition;
    if (!('family' in value) && isJsonObject(inner)) {
        const doc = { ...inner };
        if (Array.isArray(value.tags) && value.tags.length > 0 && !('tags' in doc))
            doc.tags = value.tags;
        return doc;
    }
    return value;
}
/**
 * A DescribeTaskDefinition answer (SDK objects, Dates) as a plain document, with its tags. Describe-only
 * fields are still present: strip them with `stripDescribeOnlyFields`.
 */
function fromDescribeOutput(taskDefinition, tags) {
    const doc = JSON.parse(JSON.stringify(taskDefinition));
    const clean = (tags ?? []).filter((t) => t.key !== undefined);
    if (clean.length > 0)
        doc.tags = clean.map((t) => ({ key: t.key, value: t.value ?? '' }));
    return doc;
}
/** A copy without the describe-only fields, and the names of those that were present. */
function stripDescribeOnlyFields(doc) {
    const document = {};
    const removed = [];
    for (const [key, value] of Object.entries(doc)) {
        if (DESCRIBE_ONLY_FIELDS.includes(key))
            removed.push(key);
        else
            document[key] = value;
    }
    return { document, removed };
}
/**
 * The RegisterTaskDefinition input for a document: describe-only fields stripped, task-level cpu/memory as
 * strings (the API's type), every other field passed through unchanged (the SDK serialises only the members
 * its model knows; a field newer than the bundled SDK is dropped by the SDK, not here).
 */
function toRegisterInput(doc) {
    const { document } = stripDescribeOnlyFields(doc);
    if (typeof document.family !== 'string' || document.family === '') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .lZ("the task definition has no 'family': set it to the task definition family name");
    }
    if (!Array.isArray(document.containerDefinitions) || document.containerDefinitions.length === 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .lZ("the task definition has no 'containerDefinitions': it needs at least one container");
    }
    for (const key of ['cpu', 'memory']) {
        if (typeof document[key] === 'number')
            document[key] = String(document[key]);
    }
    return document;
}
/** The document's tags as {key, value} pairs (invalid entries skipped). */
function readTags(doc) {
    const tags = doc.tags;
    if (!Array.isArray(tags))
        return [];
    return tags
        .filter(isJsonObject)
        .filter((t) => typeof t.key === 'string')
        .map((t) => ({
        key: t.key,
        value: typeof t.value === 'string' ? t.value : String(t.value ?? ''),
    }));
}
/** Existing tags with `updates` upserted: an existing key keeps its position, new keys are appended. */
function mergeTags(existing, updates) {
    const merged = existing.map((t) => ({ ...t }));
    for (const u of updates) {
        const found = merged.find((t) => t.key === u.key);
        if (found)
            found.value = u.value;
        else
            merged.push({ ...u });
    }
    return merged;
}
/**
 * Capacity providers that cannot run this task definition: Fargate Spot runs Linux tasks only (X86_64 on
 * platform version 1.3.0+, ARM64 on 1.4.0+, per the ECS API reference for CapacityProviderStrategyItem;
 * older guides still say ARM64 is excluded), so Windows tasks need FARGATE. ecs-deploy checks each
 * service's capacity provider strategy with it before changing anything.
 */
function unsupportedCapacityProviders(doc, providers) {
    const platform = isJsonObject(doc.runtimePlatform) ? doc.runtimePlatform : {};
    const windows = String(platform.operatingSystemFamily ?? '')
        .toUpperCase()
        .startsWith('WINDOWS');
    return windows ? providers.filter((p) => p === 'FARGATE_SPOT') : [];
}
function describeJsonType(value) {
    if (Array.isArray(value))
        return 'an array';
    if (value === null)
        return 'null';
    return `a ${typeof value}`;
}
/**
 * The first key repeated within one JSON object, with its path (`$.containerDefinitions[0].name`).
 * Expects text that JSON.parse has accepted.
 */
function findDuplicateJsonKey(text) {
    const stack = [];
    const path = () => '$' +
        stack.map((f) => (f.kind === 'array' ? `[${f.index}]` : f.key === undefined ? '' : `.${f.key}`)).join('');
    let expectKey = false;
    for (let i = 0; i < text.length; i++) {
        const c = text[i];
        if (c === '"') {
            let j = i + 1;
            while (j < text.length && text[j] !== '"')
                j += text[j] === '\\' ? 2 : 1;
            const top = stack.at(-1);
            if (expectKey && top?.kind === 'object') {
                const key = JSON.parse(text.slice(i, j + 1));
                if (top.keys.has(key)) {
                    top.key = undefined;
                    return { key, path: `${path()}.${key}` };
                }
                top.keys.add(key);
                top.key = key;
                expectKey = false;
            }
            i = j;
        }
        else if (c === '{') {
            stack.push({ kind: 'object', keys: new Set() });
            expectKey = true;
        }
        else if (c === '[') {
            stack.push({ kind: 'array', index: 0 });
        }
        else if (c === '}' || c === ']') {
            stack.pop();
        }
        else if (c === ',') {
            const top = stack.at(-1);
            if (top?.kind === 'array')
                top.index++;
            else
                expectKey = true;
        }
    }
    return undefined;
}


/***/ })

};
