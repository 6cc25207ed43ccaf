/* mohinh: how the editor at /quan-tri/ reads and writes a record file, registered with Decap CMS as the
 * format `mohinh-yaml` (editor.js). Loaded in the browser beside the `yaml` package (1.x, the version Decap
 * CMS bundles; vendor/yaml/) and by Node in the tests (tests/cms), so the tests run this very code.
 *
 * Decap's own YAML format writes a whole file again from the form's data: lists re-flowed, long text
 * re-wrapped, comments dropped. Here a save edits the file's text instead: only the lines of the values
 * that changed are written again; comments, order and layout of the rest stay, so a reviewer sees in the
 * diff exactly what the officer changed. The original text travels with the entry's data under `ORIGINAL`
 * (read by `fromFile`, used and removed by `toFile`).
 */
(function (root, factory) {
  'use strict';
  if (typeof module === 'object' && module.exports) module.exports = factory;
  else root.mohinhYamlFormat = factory;
})(typeof self !== 'undefined' ? self : this, function (YAML, options) {
  'use strict';
  var ORIGINAL = '__mohinh_original';
  /* Required choices whose "not given" is null in the file (a place whose source names no province):
   * the form shows them as an option with the value `unset`. */
  var nullChoices = (options && options.nullChoices) || [];
  var UNSET = (options && options.unset) || '__khong-neu__';
  /* The order of the fields of each part, by the part's path without list positions ("locations",
   * "replication.steps"): a field added to a part is written where the contract puts it. */
  var orders = (options && options.orders) || {};
  var WIDTH = 100000; // long text stays on one line, as officers write it (Decap folds at 80)
  /* Sources written in a model's `sources:` (groups of fields, not ids): the form lists them apart (`field`),
   * and their ids stay in the form's `sources` where the file lists them; written back in their place. */
  var written = (options && options.written) || null;

  var timestampTag = { // as Decap reads YAML: a full ISO time stamp is a date, nothing else is
    identify: function (value) { return value instanceof Date; },
    default: true,
    tag: '!timestamp',
    test: /^([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2}):([0-9]{2}(\.[0-9]+)?)Z$/,
    resolve: function (text) { return new Date(text); },
    stringify: function (value) { return value.toISOString(); },
  };
  var parseOptions = { customTags: [timestampTag], prettyErrors: true };

  function parse(text) {
    var doc = YAML.parseDocument(text, parseOptions);
    if (doc.errors.length > 0) throw new Error(doc.errors.map(function (e) { return e.message; }).join('\n'));
    return doc;
  }

  function stringify(value) {
    var fold = YAML.scalarOptions.str.fold;
    var width = fold.lineWidth;
    fold.lineWidth = WIDTH;
    try {
      return YAML.stringify(value, { customTags: [timestampTag] });
    } finally {
      fold.lineWidth = width;
    }
  }

  function isObject(value) {
    return value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date);
  }
  function equal(a, b) {
    if (a instanceof Date || b instanceof Date) return String(a) === String(b);
    if (Array.isArray(a) || Array.isArray(b)) {
      if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
      return a.every(function (item, i) { return equal(item, b[i]); });
    }
    if (isObject(a) || isObject(b)) {
      if (!isObject(a) || !isObject(b)) return false;
      var keys = Object.keys(a);
      if (keys.length !== Object.keys(b).length) return false;
      return keys.every(function (key) { return Object.prototype.hasOwnProperty.call(b, key) && equal(a[key], b[key]); });
    }
    return a === b;
  }

  /* Null choices: null in the file, `UNSET` in the form. */
  function mapChoices(data, from, to) {
    nullChoices.forEach(function (path) {
      (function walk(value, parts) {
        if (value === null || typeof value !== 'object') return;
        var part = parts[0];
        var keys = part === '*' ? Object.keys(value) : [part];
        keys.forEach(function (key) {
          if (!Object.prototype.hasOwnProperty.call(value, key)) return;
          if (parts.length === 1) {
            if (value[key] === from) value[key] = to;
          } else {
            walk(value[key], parts.slice(1));
          }
        });
      })(data, path.split('.'));
    });
    return data;
  }

  function fromFile(content) {
    if (content && content.trim().endsWith('---')) content = content.trim().slice(0, -3);
    var data = parse(content).toJSON();
    if (!isObject(data)) return data;
    mapChoices(data, null, UNSET);
    if (written && Array.isArray(data[written.key]) && data[written.key].some(isObject)) {
      data[written.field] = data[written.key].filter(isObject);
      data[written.key] = data[written.key].map(function (entry) { return isObject(entry) ? entry.id : entry; });
    }
    data[ORIGINAL] = content;
    return data;
  }

  /* The form's new sources back in `sources:`: each where its id is listed, the others at the end. */
  function writeBack(after) {
    if (!written || !Object.prototype.hasOwnProperty.call(after, written.field)) return after;
    var sources = Array.isArray(after[written.field]) ? after[written.field] : [];
    delete after[written.field];
    if (sources.length === 0) return after;
    var byId = {};
    sources.forEach(function (source) { byId[source.id] = source; });
    var listed = Array.isArray(after[written.key]) ? after[written.key] : [];
    var placed = {};
    var merged = listed.map(function (entry) {
      if (typeof entry === 'string' && Object.prototype.hasOwnProperty.call(byId, entry) && !placed[entry]) {
        placed[entry] = true;
        return byId[entry];
      }
      return entry;
    });
    sources.forEach(function (source) { if (!placed[source.id]) merged.push(source); });
    after[written.key] = merged;
    return after;
  }

  /* --- editing the text --- */

  function lineStart(text, at) {
    return text.lastIndexOf('\n', at - 1) + 1;
  }
  function lineEnd(text, at) { // just after the newline of the line holding position `at - 1`
    if (at > 0 && text[at - 1] === '\n') return at;
    var found = text.indexOf('\n', at);
    return found === -1 ? text.length : found + 1;
  }
  function spaces(n) {
    return new Array(n + 1).join(' ');
  }
  /* `rendered` (lines of YAML at column 0) placed at column `column`; the first line is not indented when
   * it continues a line (after `- `). */
  function indent(rendered, column, first) {
    var lines = rendered.replace(/\n$/, '').split('\n');
    return lines.map(function (line, i) {
      return (i === 0 && !first) || line === '' ? line : spaces(column) + line;
    }).join('\n') + '\n';
  }
  function keyOf(pair) {
    return pair.key && pair.key.value !== undefined ? String(pair.key.value) : String(pair.key);
  }
  function orderOf(order, key) {
    var found = order.indexOf(key);
    return found === -1 ? order.length : found;
  }
  /* `value` (at the part `where`) with the fields of every part in the contract's order. */
  function ordered(value, where) {
    if (Array.isArray(value)) return value.map(function (item) { return ordered(item, where); });
    if (!isObject(value)) return value;
    var order = orders[where] || [];
    var out = {};
    Object.keys(value).sort(function (a, b) { return orderOf(order, a) - orderOf(order, b); }).forEach(function (key) {
      out[key] = ordered(value[key], where ? where + '.' + key : key);
    });
    return out;
  }

  /* One `key: value` as YAML text, keeping a list written in brackets in brackets. */
  function renderPair(key, value, node, where) {
    value = ordered(value, where ? where + '.' + key : key);
    if (node && node.type === 'FLOW_SEQ' && Array.isArray(value) &&
        value.every(function (v) { return v === null || typeof v !== 'object'; })) {
      return key + ': [' + value.map(function (v) {
        var plain = stringify(v).replace(/\n$/, '');
        return /[,\[\]{}#]|: |\n/.test(plain) ? JSON.stringify(v) : plain;
      }).join(', ') + ']\n';
    }
    var map = {};
    map[key] = value;
    return stringify(map);
  }

  /* Where a pair's lines are: from its key (or its line, when the key starts the line) to the end of its
   * value's last line. */
  function pairSpan(text, pair) {
    var keyStart = pair.key.range[0];
    var start = lineStart(text, keyStart);
    var own = /^\s*$/.test(text.slice(start, keyStart));
    var valueEnd = pair.value && pair.value.range ? pair.value.range[1] : pair.key.range[1];
    return { start: own ? start : keyStart, end: lineEnd(text, valueEnd), column: keyStart - start, own: own };
  }

  function editMap(text, node, before, after, where, edits) {
    var order = orders[where] || [];
    var pairs = node.items;
    var seen = {};
    pairs.forEach(function (pair) {
      var key = keyOf(pair);
      seen[key] = true;
      var span = pairSpan(text, pair);
      if (!Object.prototype.hasOwnProperty.call(after, key) || after[key] === undefined) {
        if (span.own) edits.push({ start: span.start, end: span.end, text: '' });
        else edits.push({ start: span.start, end: span.end, text: '{}\n' }); // the only key of a list item
        return;
      }
      if (equal(before[key], after[key])) return;
      if (edit(text, pair.value, before[key], after[key], where ? where + '.' + key : key, edits)) return;
      edits.push({ start: span.start, end: span.end,
                   text: indent(renderPair(key, after[key], pair.value, where), span.column, span.own) });
    });
    var added = Object.keys(after).filter(function (key) { return !seen[key] && after[key] !== undefined; });
    if (added.length === 0) return;
    if (pairs.length === 0) throw new Error('empty map'); // written whole by the caller
    var column = pairSpan(text, pairs[0]).column;
    added.sort(function (a, b) { return orderOf(order, a) - orderOf(order, b); });
    added.forEach(function (key) {
      var rank = orderOf(order, key);
      var previous = pairs.filter(function (pair) { return orderOf(order, keyOf(pair)) <= rank; });
      var anchor = previous.length ? previous[previous.length - 1] : pairs[pairs.length - 1];
      var at = pairSpan(text, anchor).end;
      if (at === text.length && text[text.length - 1] !== '\n') edits.push({ start: at, end: at, text: '\n' });
      edits.push({ start: at, end: at, text: indent(renderPair(key, after[key], null, where), column, true) });
    });
  }

  function editSeq(text, node, before, after, where, edits) {
    var items = node.items;
    var dash = node.range[0] - lineStart(text, node.range[0]);
    items.forEach(function (item, i) {
      var start = lineStart(text, item.range[0]);
      var end = lineEnd(text, item.range[1]);
      if (i >= after.length) {
        edits.push({ start: start, end: end, text: '' });
        return;
      }
      if (equal(before[i], after[i])) return;
      if (edit(text, item, before[i], after[i], where, edits)) return;
      edits.push({ start: start, end: end, text: indent(stringify(ordered([after[i]], where)), dash, true) });
    });
    if (after.length > items.length) {
      var at = lineEnd(text, items[items.length - 1].range[1]);
      edits.push({ start: at, end: at, text: indent(stringify(ordered(after.slice(items.length), where)), dash, true) });
    }
  }

  /* Edits turning `node` (holding `before`) into `after`, in place; false when it must be written whole. */
  function edit(text, node, before, after, where, edits) {
    if (!node || !node.range) return false;
    if (node.type === 'MAP' && isObject(before) && isObject(after) && node.items.length > 0) {
      var mine = [];
      try {
        editMap(text, node, before, after, where, mine);
      } catch (error) {
        return false;
      }
      edits.push.apply(edits, mine);
      return true;
    }
    if (node.type === 'SEQ' && Array.isArray(before) && Array.isArray(after) && node.items.length > 0 &&
        after.length > 0 && node.items.every(function (item) { return item && item.range; })) {
      editSeq(text, node, before, after, where, edits);
      return true;
    }
    return false;
  }

  function fresh(data, order) {
    orders[''] = order;
    return stringify(ordered(data, ''));
  }

  function toFile(data, sortedKeys) {
    if (written && sortedKeys) sortedKeys = sortedKeys.filter(function (key) { return key !== written.field; });
    var order = sortedKeys || [];
    var after = {};
    Object.keys(data).forEach(function (key) { if (key !== ORIGINAL) after[key] = data[key]; });
    after = writeBack(mapChoices(JSON.parse(JSON.stringify(after)), UNSET, null));
    var text = data[ORIGINAL];
    if (typeof text !== 'string') return fresh(after, order);
    var doc = parse(text);
    var before = doc.toJSON();
    var node = doc.contents;
    if (!isObject(before) || !node || node.type !== 'MAP') return fresh(after, order);
    // The id of a file that did not write one: the form shows the file name; it stays unwritten.
    if (!Object.prototype.hasOwnProperty.call(before, 'id')) delete after.id;
    var edits = [];
    if (sortedKeys) orders[''] = sortedKeys;
    if (!edit(text, node, before, after, '', edits)) return fresh(after, order);
    // From the end of the file back, so earlier positions hold; of two insertions at one place, the
    // first made ends up first.
    edits.forEach(function (change, n) { change.n = n; });
    edits.sort(function (a, b) { return b.start - a.start || b.end - a.end || b.n - a.n; });
    edits.forEach(function (change) {
      text = text.slice(0, change.start) + change.text + text.slice(change.end);
    });
    return text;
  }

  return { fromFile: fromFile, toFile: toFile, ORIGINAL: ORIGINAL, UNSET: UNSET };
});
