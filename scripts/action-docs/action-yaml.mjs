// The interface of an action as its README documents it: the inputs (description, required, default,
// deprecation) and outputs of an action.yml, in the file's order. Used by scripts/action-docs.mjs.
import { parse } from 'yaml';

/**
 * @typedef {{ name: string, description: string, required: boolean, default?: string, deprecationMessage?: string }} ActionInput
 * @typedef {{ name: string, description: string }} ActionOutput
 * @typedef {{ inputs: ActionInput[], outputs: ActionOutput[] }} ActionInterface
 */

const isRecord = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
const scalar = (v) => (v === undefined || v === null ? undefined : String(v));

/**
 * The inputs and outputs of an action.yml, in the file's order. Throws naming the file and the key when the
 * YAML does not parse or inputs/outputs are not maps.
 * @param {string} text
 * @param {string} [file] for error messages
 * @returns {ActionInterface}
 */
export function parseActionYaml(text, file = 'action.yml') {
  let doc;
  try {
    doc = parse(text);
  } catch (err) {
    throw new Error(`${file}: not valid YAML: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (!isRecord(doc)) throw new Error(`${file}: expected a map at the top level`);
  const entries = (key) => {
    const v = doc[key];
    if (v === undefined || v === null) return [];
    if (!isRecord(v)) throw new Error(`${file}: \`${key}\` must be a map of name to definition`);
    return Object.entries(v).map(([name, def]) => {
      if (def !== null && !isRecord(def)) throw new Error(`${file}: ${key}.${name} must be a map`);
      return [name, def ?? {}];
    });
  };
  const inputs = entries('inputs').map(([name, def]) => {
    /** @type {ActionInput} */
    const input = {
      name,
      description: scalar(def.description) ?? '',
      required: def.required === true || String(def.required).toLowerCase() === 'true',
    };
    const dflt = scalar(def.default);
    if (dflt !== undefined) input.default = dflt;
    const deprecated = scalar(def.deprecationMessage);
    if (deprecated !== undefined) input.deprecationMessage = deprecated;
    return input;
  });
  const outputs = entries('outputs').map(([name, def]) => ({
    name,
    description: scalar(def.description) ?? '',
  }));
  return { inputs, outputs };
}
