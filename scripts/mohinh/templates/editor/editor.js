/* mohinh: the editor's own widgets and checks, for Decap CMS at /quan-tri/.
 *
 * Dates, numbers and amounts are checked as `mohinh check` checks them, with the patterns and Vietnamese
 * messages of `window.mohinhEditor` (editor-settings.js, made at build time from the record contract):
 * 31/02/2020, 76.303 and 878.000.000 are refused in the form, before anything is saved. Before saving,
 * empty values the form leaves behind are dropped (an empty text is an error in a record). Nothing here
 * loads anything from outside the site.
 */
(function () {
  'use strict';
  var CMS = window.CMS;
  var h = window.h;
  var createClass = window.createClass;
  var settings = window.mohinhEditor;
  var M = settings.messages;

  /* Decap's Vietnamese translation, with the phrases it lacks ("Add ...") or shortens ("Trạng: ..."). */
  function merged(base, extra) {
    var out = {};
    Object.keys(base || {}).forEach(function (key) { out[key] = base[key]; });
    Object.keys(extra).forEach(function (key) {
      var value = extra[key];
      out[key] = value && typeof value === 'object' ? merged(out[key], value) : value;
    });
    return out;
  }
  CMS.registerLocale('vi', merged(CMS.getLocale('vi'), settings.phrases));

  function say(template, values) {
    return template.replace(/\{(\w+)\}/g, function (whole, key) {
      return Object.prototype.hasOwnProperty.call(values, key) ? String(values[key]) : whole;
    });
  }
  function refuse(template, values) {
    return { error: { type: 'mohinh', message: say(template, values) } };
  }
  function empty(value) {
    return value === undefined || value === null || value === '';
  }
  function shown(value) {
    if (empty(value)) return '';
    if (typeof value === 'object' && value.get) value = value.toJS();
    if (typeof value === 'object' && 'min' in value) return value.min + '-' + value.max;
    return String(value);
  }
  var thousands = new RegExp(settings.thousands);
  var digitsOnly = /^\d+$/;
  var decimal = /^\d+(?:\.\d+)?$/;
  var range = /^\s*(\d+)\s*[-–—]\s*(\d+)\s*$/;

  /* A text box that keeps what the officer types and hands Decap the value a record holds. */
  function textWidget(parse, check, inputMode) {
    return createClass({
      getInitialState: function () { return { text: shown(this.props.value) }; },
      handleChange: function (event) {
        var text = event.target.value;
        this.setState({ text: text });
        this.props.onChange(parse(text.trim(), this.props));
      },
      isValid: function () {
        var value = this.props.value;
        if (empty(value)) return true;
        return check(value, this.props);
      },
      render: function () {
        return h('input', {
          type: 'text', id: this.props.forID, className: this.props.classNameWrapper, value: this.state.text,
          inputMode: inputMode, autoComplete: 'off', spellCheck: false,
          onChange: this.handleChange, onFocus: this.props.setActiveStyle, onBlur: this.props.setInactiveStyle,
        });
      },
    });
  }

  /* Numbers: 76303, 12.5; a count is a whole number; a team's size may be a range, 10-20. */
  function parseNumber(text, props) {
    if (text === '') return '';
    if (props.field.get('range')) {
      var found = range.exec(text);
      if (found) return { min: Number(found[1]), max: Number(found[2]) };
    }
    if (digitsOnly.test(text)) return Number(text);
    if (!props.field.get('whole') && decimal.test(text) && !thousands.test(text)) return Number(text);
    return text;
  }
  function checkNumber(value, props) {
    if (typeof value === 'number' && (!props.field.get('whole') || Number.isInteger(value)) && value >= 0) return true;
    if (typeof value === 'object' && value !== null) return true;
    var text = String(value);
    if (thousands.test(text)) return refuse(M.thousands, { value: text, digits: text.replace(/\./g, '') });
    if (props.field.get('range')) return refuse(M.range, { value: text });
    return refuse(props.field.get('whole') ? M.whole : M.number, { value: text });
  }

  /* Amounts of money, in đồng, written whole: 878000000. */
  function parseAmount(text) {
    if (text === '') return '';
    return digitsOnly.test(text) ? Number(text) : text;
  }
  function checkAmount(value) {
    if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return true;
    var text = String(value);
    if (/^\d{1,3}(?:[.,]\d{3})+$/.test(text)) return refuse(M.amount, { value: text, digits: text.replace(/[.,]/g, '') });
    return refuse(M.amount_other, { value: text });
  }

  /* Dates as records write them: 02/10/2018, 10/2018, 2018 or 2018-10-02; the day must exist. */
  var isoDate = new RegExp(settings.iso_date);
  var viDate = new RegExp(settings.vi_date);
  function parseDate(text) {
    return text;
  }
  function checkDate(value) {
    var text = String(value).trim();
    var year, month, day, found;
    if ((found = isoDate.exec(text))) {
      year = Number(found[1]); month = found[2] && Number(found[2]); day = found[3] && Number(found[3]);
    } else if ((found = viDate.exec(text))) {
      day = found[1] && Number(found[1]); month = Number(found[2]); year = Number(found[3]);
    } else {
      return refuse(M.date_format, { value: text });
    }
    if (month && (month < 1 || month > 12)) return refuse(M.date_month, { month: month });
    if (day) {
      var check = new Date(Date.UTC(year, month - 1, day));
      if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
        return refuse(M.date_day, { value: pad(day) + '/' + pad(month) + '/' + year });
      }
    }
    var first = new Date(year, (month || 1) - 1, day || 1);
    if (first > new Date()) return refuse(M.date_future, { value: text });
    if (year < 1945) return refuse(M.date_old, { year: year });
    return true;
  }
  function pad(n) {
    return n < 10 ? '0' + n : String(n);
  }

  /* The model's id is its file name: typed for a new model, shown for one that exists. */
  var slug = new RegExp(settings.slug_pattern);
  var IdControl = createClass({
    componentDidMount: function () {
      // A record that exists: the id is its file name, whether or not the file writes `id:` (the format
      // keeps it unwritten then); photos go to models/media/<id>/.
      var entry = this.props.entry;
      if (!this.isNew() && entry && empty(this.props.value) && entry.get('slug')) this.props.onChange(entry.get('slug'));
    },
    handleChange: function (event) {
      this.props.onChange(event.target.value.trim());
    },
    isNew: function () {
      return Boolean(this.props.entry && this.props.entry.get('newRecord'));
    },
    isValid: function () {
      if (!this.isNew()) return true;
      var value = this.props.value;
      if (empty(value)) return refuse(M.required, {});
      if (!slug.test(value)) return refuse(M.slug, { value: value });
      return true;
    },
    render: function () {
      if (!this.isNew()) {
        return h('p', { id: this.props.forID, className: this.props.classNameWrapper },
          (this.props.entry && this.props.entry.get('slug')) || '');
      }
      return h('input', {
        type: 'text', id: this.props.forID, className: this.props.classNameWrapper, value: this.props.value || '',
        autoComplete: 'off', spellCheck: false, placeholder: 'ha-tinh-tieng-keng-an-ninh',
        onChange: this.handleChange, onFocus: this.props.setActiveStyle, onBlur: this.props.setInactiveStyle,
      });
    },
  });

  /* A source: Decap's relation over the sources collection, and the sources written in this model (the form's
   * list `format.written.field`, new, reviewed with the model), which the collection does not hold yet. A
   * model's list of sources keeps the ids of its written sources (added and removed as they are written). */
  var WRITTEN = settings.format.written.field;
  function writtenSources(entry) {
    var list = entry && entry.getIn(['data', WRITTEN]);
    if (!list || !list.forEach) return [];
    var found = [];
    list.forEach(function (source) {
      var id = source && source.get && source.get('id');
      if (typeof id === 'string' && slug.test(id.trim())) {
        found.push({ id: id.trim(), title: source.get('title') || '' });
      }
    });
    return found;
  }
  function ids(sources) {
    return sources.map(function (source) { return source.id; });
  }
  var SourceControl = createClass({
    relation: function () {
      return CMS.getWidget('relation').control;
    },
    multiple: function () {
      return Boolean(this.props.field.get('multiple'));
    },
    /* The entry as it is now (Decap passes `entry` as it was, and `getEntry` for the draft being edited). */
    current: function () {
      return this.props.getEntry ? this.props.getEntry() : this.props.entry;
    },
    /* Decap redraws a widget only when its own value changes: this one also when the written sources do, which it
     * looks at twice a second (no event tells a widget that another field changed). */
    shouldComponentUpdate: function (next) {
      var props = this.props;
      return next.value !== props.value || next.classNameWrapper !== props.classNameWrapper ||
        next.hasActiveStyle !== props.hasActiveStyle || next.field !== props.field ||
        JSON.stringify(writtenSources(this.current())) !== this.shown;
    },
    componentWillUnmount: function () { clearInterval(this.timer); },
    componentDidMount: function () {
      var self = this;
      this.sync();
      this.timer = setInterval(function () {
        if (JSON.stringify(writtenSources(self.current())) !== self.shown) self.forceUpdate();
      }, 500);
    },
    componentDidUpdate: function () { this.sync(); },
    /* A model's list: the ids of its written sources in it, and none of a source no longer written. */
    sync: function () {
      if (!this.multiple()) return;
      var now = ids(writtenSources(this.current()));
      var before = this.written || now;
      this.written = now;
      var value = this.props.value;
      var entry = this.current();
      var list = value && value.filter ? value : (entry ? entry.toList().clear() : null);
      if (!list) return;
      var kept = list.filter(function (id) { return before.indexOf(id) === -1 || now.indexOf(id) !== -1; });
      now.forEach(function (id) { if (!kept.includes(id)) kept = kept.push(id); });
      if (!kept.equals(list) || (!value && kept.size > 0)) this.props.onChange(kept);
    },
    choose: function (event) {
      this.props.onChange(event.target.value);
    },
    render: function () {
      var props = this.props;
      var mine = writtenSources(this.current());
      this.shown = JSON.stringify(mine);
      var mineIds = ids(mine);
      var value = props.value;
      var relationProps = {};
      Object.keys(props).forEach(function (key) { relationProps[key] = props[key]; });
      var parts = [];
      if (this.multiple()) {
        var listed = value && value.filter ? value : null;
        relationProps.value = listed ? listed.filter(function (id) { return mineIds.indexOf(id) === -1; }) : value;
        relationProps.onChange = function (chosen, metadata) {
          var own = listed ? listed.filter(function (id) { return mineIds.indexOf(id) !== -1; }) : null;
          if (own && own.size) chosen = chosen && chosen.filter ? chosen.concat(own) : own;
          props.onChange(chosen, metadata);
        };
        parts.push(h(this.relation(), relationProps));
        if (mine.length) {
          parts.push(h('p', { className: 'mohinh-nguon-moi' }, 'Cùng nguồn mới viết trong hồ sơ này (chờ duyệt cùng mô hình): ' +
            mine.map(function (source) { return source.title ? source.title + ' (' + source.id + ')' : source.id; }).join('; ')));
        }
        return h('div', null, parts);
      }
      var own = typeof value === 'string' && mineIds.indexOf(value) !== -1;
      if (mine.length) {
        parts.push(h('label', { className: 'mohinh-nguon-moi' }, 'Nguồn mới viết trong hồ sơ này (chờ duyệt cùng mô hình): ',
          h('select', { value: own ? value : '', onChange: this.choose },
            [h('option', { key: '', value: '' }, own ? '(chọn nguồn đã có ở ô dưới)' : '(không: nguồn đã có, chọn ở ô dưới)')]
              .concat(mine.map(function (source) {
                return h('option', { key: source.id, value: source.id }, (source.title || source.id) + ' (' + source.id + ')');
              })))));
      }
      if (!own) {
        parts.push(h(this.relation(), relationProps));
      }
      return h('div', null, parts);
    },
  });

  function Preview(props) {
    return h('span', null, shown(props.value));
  }
  CMS.registerWidget('mohinh-so', textWidget(parseNumber, checkNumber, 'decimal'), Preview);
  CMS.registerWidget('mohinh-tien', textWidget(parseAmount, checkAmount, 'numeric'), Preview);
  CMS.registerWidget('mohinh-ngay', textWidget(parseDate, checkDate, 'text'), Preview);
  CMS.registerWidget('mohinh-ma', IdControl, Preview);
  CMS.registerWidget('mohinh-nguon', SourceControl, Preview);

  /* English that Decap's parts show whatever the locale ("No options", what a select tells a screen reader,
   * error names, dates on the review board): replaced on the page as it appears (settings.english). */
  var english = settings.english.map(function (pair) { return [new RegExp(pair[0]), pair[1]]; });
  function translated(text) {
    var trimmed = text.trim();
    if (!trimmed || !/[A-Za-z]/.test(trimmed)) return null;
    for (var i = 0; i < english.length; i++) {
      if (english[i][0].test(trimmed)) return text.replace(trimmed, trimmed.replace(english[i][0], english[i][1]));
    }
    return null;
  }
  function translate(node) {
    if (node.nodeType === 3) {
      var text = translated(node.nodeValue);
      if (text !== null) node.nodeValue = text;
      return;
    }
    if (node.nodeType !== 1) return;
    ['aria-label', 'placeholder', 'title'].forEach(function (name) {
      var value = node.getAttribute(name);
      var text = value && translated(value);
      if (text) node.setAttribute(name, text);
    });
    for (var child = node.firstChild; child; child = child.nextSibling) translate(child);
  }
  new MutationObserver(function (changes) {
    changes.forEach(function (change) {
      if (change.type === 'characterData') translate(change.target);
      else if (change.type === 'attributes') translate(change.target);
      else change.addedNodes.forEach(translate);
    });
  }).observe(document.documentElement, { childList: true, subtree: true, characterData: true, attributes: true,
                                          attributeFilter: ['aria-label', 'placeholder', 'title'] });

  /* Before saving: the form's empty leftovers go (a record has no empty text); a place without a
   * province says so with null, as the contract asks. */
  function isMap(value) {
    return Boolean(value && value['@@__IMMUTABLE_MAP__@@']);
  }
  function isList(value) {
    return Boolean(value && value['@@__IMMUTABLE_LIST__@@']);
  }
  function blank(value) {
    return value === undefined || value === '' || ((isMap(value) || isList(value)) && value.size === 0);
  }
  var ORIGINAL = '__mohinh_original'; // the file's text, kept by yaml-format.js (not a field)
  function clean(value) {
    if (isMap(value)) {
      return value.map(function (v, key) { return key === ORIGINAL ? v : clean(v); })
        .filter(function (v) { return !blank(v); });
    }
    if (isList(value)) return value.map(clean).filter(function (v) { return v !== undefined && v !== ''; });
    if (typeof value === 'string') return value.trim(); // spaces around a text never mean anything
    return value;
  }
  CMS.registerEventListener({
    name: 'preSave',
    handler: function (event) {
      return clean(event.entry.get('data'));
    },
  });

  /* Started by index.html once the `yaml` package (an ES module) is loaded: records are read and written by
   * yaml-format.js, which edits a file's text rather than writing it whole again. */
  window.mohinhStart = function (YAML) {
    CMS.registerCustomFormat('mohinh-yaml', 'yml', window.mohinhYamlFormat(YAML, settings.format));
    CMS.init();
  };
})();
