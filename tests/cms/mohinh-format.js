// The editor's own reading and writing of a record (scripts/mohinh/templates/editor/yaml-format.js, with the
// `yaml` package Decap CMS bundles), run by Node for tests/test_editor.py.
// Usage: node mohinh-format.js <format.js> <field,order,...> <options as JSON>  < {"path": {"text": "...", "set": [[["a", 0, "b"], value], ...]}}
//        > {"path": "written"}
// A value of null in `set` removes the field; a path ending past a list's last item appends to it.
'use strict';
const yaml = require('yaml');

const format = require(process.argv[2])(yaml, JSON.parse(process.argv[4] || '{}'));
let input = '';
process.stdin.on('data', (chunk) => { input += chunk; });
process.stdin.on('end', () => {
  const order = (process.argv[3] || '').split(',');
  const written = {};
  for (const [path, { text, set }] of Object.entries(JSON.parse(input))) {
    const data = format.fromFile(text);
    for (const [where, value] of set || []) {
      let parent = data;
      for (const part of where.slice(0, -1)) parent = parent[part];
      const last = where[where.length - 1];
      if (value === null) delete parent[last];
      else parent[last] = value;
    }
    written[path] = format.toFile(data, order);
  }
  process.stdout.write(JSON.stringify(written));
});
