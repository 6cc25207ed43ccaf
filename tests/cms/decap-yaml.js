// Decap CMS's YAML reading and writing, as decap-cms-core does it (src/formats/yaml.ts: the `yaml` 1.x package,
// a custom tag for ISO timestamps, keys sorted by the collection's field order), for tests/test_editor.py.
// Usage: node decap-yaml.js <field,order,...>  < {"path": "text", ...} (JSON)  > {"path": "written", ...}
'use strict';
const yaml = require('yaml');

const timestampTag = {
  identify: (value) => value instanceof Date,
  default: true,
  tag: '!timestamp',
  test: /^([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2}):([0-9]{2}(\.[0-9]+)?)Z$/,
  resolve: (text) => new Date(text),
  stringify: (value) => value.toISOString(),
};

function fromFile(content) {
  if (content && content.trim().endsWith('---')) content = content.trim().slice(0, -3);
  const doc = yaml.parseDocument(content, { customTags: [timestampTag], prettyErrors: true });
  if (doc.errors.length > 0) throw new Error(doc.errors.map((e) => e.message).join('\n'));
  return doc.toJSON();
}

function sortKeys(sortedKeys) {
  return (a, b) => {
    const idxA = sortedKeys.indexOf(a.key && a.key.toString());
    const idxB = sortedKeys.indexOf(b.key && b.key.toString());
    if (idxA === -1 || idxB === -1) return 0;
    return idxA > idxB ? 1 : idxA < idxB ? -1 : 0;
  };
}

function toFile(data, sortedKeys) {
  const contents = yaml.createNode(data);
  contents.items.sort(sortKeys(sortedKeys));
  const doc = new yaml.Document();
  doc.contents = contents;
  return doc.toString();
}

let input = '';
process.stdin.on('data', (chunk) => { input += chunk; });
process.stdin.on('end', () => {
  const order = (process.argv[2] || '').split(',');
  const files = JSON.parse(input);
  const written = {};
  for (const [path, text] of Object.entries(files)) {
    written[path] = typeof text === 'string' ? toFile(fromFile(text), order) : toFile(text, order);
  }
  process.stdout.write(JSON.stringify(written));
});
