extension DashboardAssets {
    /// Styles of the rule builder: nested groups as indented boxes, conditions as wrapping rows.
    static let segmentBuilderCSS = """
        .builder label { font-size: 13px; color: var(--muted); display: block; }
        .builder input:not([type=checkbox]), .builder select { padding: 4px 6px; border: 1px solid #8a939e; border-radius: 5px; background: #fff; }
        .sb-meta { display: grid; grid-template-columns: 1fr 2fr; gap: 12px; max-width: 900px; }
        .sb-meta input { width: 100%; }
        .sb-group { border: 1px solid var(--line); border-left: 4px solid var(--accent); border-radius: 8px; background: #fff; padding: 8px 12px; margin: 8px 0; }
        .sb-group .sb-group { background: #fafbfc; }
        .sb-group > legend { font-weight: 600; padding: 0 4px; }
        .sb-children { list-style: none; margin: 0; padding: 0; }
        .sb-cond { display: flex; flex-wrap: wrap; gap: 8px 12px; align-items: flex-end; padding: 8px; margin: 6px 0; border: 1px solid var(--line); border-radius: 6px; background: #fff; }
        .sb-cond .sb-kind { font-weight: 600; align-self: center; min-width: 90px; }
        .sb-field { display: flex; flex-direction: column; }
        .sb-check { display: flex; gap: 4px; align-items: center; }
        .sb-check label { display: inline; color: var(--ink); font-size: 14px; }
        .sb-rfm { border: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 4px 12px; }
        .sb-rfm legend { font-size: 13px; color: var(--muted); padding: 0; }
        .sb-where { flex-basis: 100%; margin: 0; padding: 0 0 0 16px; list-style: none; }
        .sb-where li { display: flex; flex-wrap: wrap; gap: 8px; align-items: flex-end; margin: 4px 0; }
        .sb-add { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 6px; }
        .builder button { padding: 4px 10px; border: 1px solid #8a939e; border-radius: 6px; background: #fff; cursor: pointer; }
        button.primary, a.button.primary { background: var(--accent); color: #fff; border-color: var(--accent); padding: 6px 14px; }
        a.button { display: inline-block; padding: 4px 10px; border: 1px solid #8a939e; border-radius: 6px; background: #fff; color: var(--ink); text-decoration: none; }
        .builder button.remove { color: var(--down); }
        .sb-error { color: var(--down); font-size: 13px; margin: 4px 0; flex-basis: 100%; }
        .sb-invalid { border-color: var(--down) !important; box-shadow: 0 0 0 1px var(--down); }
        .sb-preview { background: #fff; border: 1px solid var(--line); border-radius: 10px; padding: 4px 16px 12px; margin: 16px 0; }
        #sb-count { font-size: 18px; font-weight: 600; }
        .sb-actions { display: flex; gap: 16px; align-items: center; }
        .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
        """

    /// The rule builder (trait, event, RFM-segment, persona-cluster and prediction conditions): reads the rule and vocabulary from the form's `data-` attributes,
    /// draws the tree with labelled native controls, serialises it to the rule JSON the
    /// engine parses, previews it (debounced) and saves it. Server errors name the rule node
    /// (`rule.all[1].event.count`); the message is shown next to the node whose path is the
    /// longest prefix of that name. All text is set with `textContent`.
    static let segmentBuilderScript = """
        (function () {
          "use strict";
          var form = document.getElementById("segment-builder");
          if (!form) return;
          var vocab = JSON.parse(form.dataset.vocabulary || "{}");
          var ws = form.dataset.ws, segmentId = form.dataset.id || "";
          var treeBox = document.getElementById("sb-tree"), jsonBox = document.getElementById("sb-json");
          var countBox = document.getElementById("sb-count"), sampleTable = document.getElementById("sb-sample");
          var formError = document.getElementById("sb-form-error"), nameError = document.getElementById("sb-name-error");
          var nameInput = document.getElementById("sb-name"), descInput = document.getElementById("sb-description");
          var OPS = [["eq", "is"], ["ne", "is not"], ["gt", "greater than"], ["gte", "at least"], ["lt", "less than"], ["lte", "at most"],
            ["between", "between"], ["in", "is one of"], ["contains", "contains"], ["exists", "exists"]];
          var NUMERIC_OPS = [["gt", "greater than"], ["gte", "at least"], ["lt", "less than"], ["lte", "at most"], ["between", "between"]];
          var COUNT_OPS = [["gte", "at least"], ["lte", "at most"], ["eq", "exactly"]];
          var PREDICTIONS = (vocab.predictions || []).map(function (p) { return p.trait; });
          var uid = 0, focusAfter = null, timer = null, seq = 0;

          function fill(listId, names) {
            var list = document.getElementById(listId);
            (names || []).forEach(function (n) { var o = document.createElement("option"); o.value = n; list.appendChild(o); });
          }
          fill("sb-trait-list", (vocab.traits || []).concat(vocab.computed || []));
          fill("sb-event-list", vocab.events || []);

          // ---- model: rule JSON <-> tree ----
          function group(mode, children) { return { kind: "group", mode: mode, negate: false, children: children }; }
          function show(v) {
            if (typeof v === "string") return /^(-?[0-9]+(\\.[0-9]+)?|true|false)$/.test(v) ? "\\"" + v + "\\"" : v;
            if (v === null || v === undefined) return "";
            return typeof v === "object" ? JSON.stringify(v) : String(v);
          }
          function typed(text) {
            var t = text.trim();
            if (/^-?[0-9]+(\\.[0-9]+)?$/.test(t)) return Number(t);
            if (t === "true") return true;
            if (t === "false") return false;
            if (t.length >= 2 && t[0] === "\\"" && t[t.length - 1] === "\\"") return t.slice(1, -1);
            return t;
          }
          function condition(name, op, v) {
            var c = { kind: "trait", name: name, op: op, a: "", b: "", negate: false };
            if (name === "rfm_segment" && (op === "in" || op === "eq")) {
              return { kind: "rfm", values: op === "in" && Array.isArray(v) ? v.map(String) : [String(v)], negate: false };
            }
            var numeric = NUMERIC_OPS.some(function (o) { return o[0] === op; });
            if (numeric && (PREDICTIONS.indexOf(name) >= 0 || name === "predicted_ltv")) c.kind = "prediction";
            if (op === "between" && Array.isArray(v)) { c.a = show(v[0]); c.b = show(v[1]); }
            else if (op === "in" && Array.isArray(v)) c.a = v.map(show).join(", ");
            else if (op === "exists") c.a = v === false ? "false" : "true";
            else c.a = show(v);
            return c;
          }
          function traitParts(name, v) {
            if (v !== null && typeof v === "object" && !Array.isArray(v)) {
              return Object.keys(v).sort().map(function (op) { return condition(name, op === "neq" ? "ne" : op, v[op]); });
            }
            return [condition(name, "eq", v)];
          }
          function eventNode(e) {
            var n = { kind: "event", name: (e && e.name) || "", countOp: "gte", count: "1", within: "", where: [], rawWhere: null, negate: false };
            if (!e || typeof e !== "object") return n;
            var c = e.count;
            if (typeof c === "number") n.count = String(c);
            else if (c && typeof c === "object") {
              var ops = Object.keys(c);
              if (ops.length) { n.countOp = ops[0] === "gt" ? "gte" : ops[0] === "lt" ? "lte" : ops[0]; n.count = String(ops[0] === "gt" ? c[ops[0]] + 1 : ops[0] === "lt" ? c[ops[0]] - 1 : c[ops[0]]); }
              if (["gte", "lte", "eq"].indexOf(n.countOp) < 0) { n.countOp = "gte"; }
            }
            if (typeof e.within_days === "number") n.within = String(e.within_days);
            if (e.where) {
              var w = fromRule(e.where), flat = w.kind === "group" && w.mode === "all" && !w.negate ? w.children : [w];
              if (flat.every(function (x) { return x.kind === "trait" || x.kind === "prediction"; })) n.where = flat.map(function (x) { x.kind = "trait"; return x; });
              else n.rawWhere = e.where;
            }
            return n;
          }
          function fromRule(json) {
            if (!json || typeof json !== "object" || Array.isArray(json)) return group("all", []);
            var parts = [];
            Object.keys(json).sort().forEach(function (key) {
              var v = json[key];
              if ((key === "all" || key === "any") && Array.isArray(v)) parts.push(group(key, v.map(fromRule)));
              else if (key === "not") { var inner = fromRule(v); inner.negate = !inner.negate; parts.push(inner); }
              else if (key === "event") parts.push(eventNode(v));
              else if (key === "cluster" && (typeof v === "string" || (v && typeof v === "object" && !Array.isArray(v) && v.persona !== undefined))) {
                var names = typeof v === "string" ? [v] : Array.isArray(v.persona) ? v.persona : [v.persona];
                parts.push({ kind: "cluster", values: names.map(String), negate: false });
              }
              else traitParts(key, v).forEach(function (p) { parts.push(p); });
            });
            return parts.length === 1 ? parts[0] : group("all", parts);
          }
          var root = fromRule(JSON.parse(form.dataset.rule || "{}"));
          if (root.kind !== "group") root = group("all", [root]);

          // Serialises the tree; `paths` collects [rule path, node] for error placement and
          // `problems` local errors (a missing value) as [node, message].
          function comparison(c, problems) {
            var o = {};
            if (c.op === "between") {
              if (!c.a.trim() || !c.b.trim()) problems.push([c, "Enter both bounds."]);
              o.between = [typed(c.a), typed(c.b)];
            } else if (c.op === "in") {
              var items = c.a.split(",").map(function (s) { return s.trim(); }).filter(function (s) { return s.length; });
              if (!items.length) problems.push([c, "Enter one or more values separated by commas."]);
              o["in"] = items.map(typed);
            } else if (c.op === "exists") o.exists = c.a !== "false";
            else {
              if (!c.a.trim() && c.op !== "eq" && c.op !== "ne") problems.push([c, "Enter a value."]);
              o[c.op] = typed(c.a);
            }
            return o;
          }
          function toRule(node, path, paths, problems) {
            paths.push([path, node]);
            var p = node.negate ? path + ".not" : path, out = {};
            if (node.kind === "group") {
              if (!node.children.length) problems.push([node, "Add at least one condition to this group."]);
              out[node.mode] = node.children.map(function (c, i) { return toRule(c, p + "." + node.mode + "[" + i + "]", paths, problems); });
            } else if (node.kind === "trait" || node.kind === "prediction") {
              if (!node.name.trim()) problems.push([node, "Choose a trait."]);
              out[node.name.trim()] = comparison(node, problems);
            } else if (node.kind === "rfm") {
              if (!node.values.length) problems.push([node, "Choose at least one RFM segment."]);
              out.rfm_segment = { "in": node.values.slice() };
            } else if (node.kind === "cluster") {
              if (!node.values.length) problems.push([node, "Choose at least one persona."]);
              out.cluster = { persona: node.values.slice() };
            } else if (node.kind === "event") {
              if (!node.name.trim()) problems.push([node, "Enter the event name."]);
              var e = { name: node.name.trim() }, count = {};
              count[node.countOp] = typed(node.count);
              if (typeof count[node.countOp] !== "number") problems.push([node, "The number of times must be a whole number."]);
              e.count = count;
              if (node.within.trim()) e.within_days = typed(node.within);
              if (node.rawWhere) e.where = node.rawWhere;
              else if (node.where.length) {
                var parts = node.where.map(function (w) {
                  if (!w.name.trim()) problems.push([node, "Name the property of each filter."]);
                  var local = [], o = {}; o[w.name.trim()] = comparison(w, local);
                  local.forEach(function (x) { problems.push([node, "Property filter: " + x[1]]); });
                  return o;
                });
                e.where = parts.length === 1 ? parts[0] : { all: parts };
              }
              out.event = e;
            }
            return node.negate ? { not: out } : out;
          }

          // ---- drawing ----
          function el(tag, cls, text) { var e = document.createElement(tag); if (cls) e.className = cls; if (text !== undefined) e.textContent = text; return e; }
          function field(label, control) {
            uid += 1; control.id = "sb-c" + uid;
            var box = el("span", "sb-field"), l = el("label", null, label); l.htmlFor = control.id;
            box.appendChild(l); box.appendChild(control); return box;
          }
          function select(options, value, onChange) {
            var s = document.createElement("select");
            options.forEach(function (o) { var opt = el("option", null, o[1]); opt.value = o[0]; if (o[0] === value) opt.selected = true; s.appendChild(opt); });
            s.addEventListener("change", function () { onChange(s.value); });
            return s;
          }
          function input(value, onInput, attrs) {
            var i = document.createElement("input");
            Object.keys(attrs || {}).forEach(function (k) { i.setAttribute(k, attrs[k]); });
            i.value = value;
            i.addEventListener("input", function () { onInput(i.value); changed(false); });
            return i;
          }
          function checkbox(label, checked, onChange) {
            var box = el("span", "sb-check"), c = document.createElement("input"); c.type = "checkbox"; c.checked = checked;
            uid += 1; c.id = "sb-c" + uid; var l = el("label", null, label); l.htmlFor = c.id;
            c.addEventListener("change", function () { onChange(c.checked); changed(false); });
            box.appendChild(c); box.appendChild(l); return box;
          }
          function button(text, onClick, cls) {
            var b = el("button", cls, text); b.type = "button";
            b.addEventListener("click", onClick); return b;
          }
          function remove(parent, node) {
            return button("Remove", function () {
              parent.children.splice(parent.children.indexOf(node), 1); focusAfter = parent; changed(true);
            }, "remove");
          }
          function valueFields(c, box, label) {
            if (c.op === "exists") {
              box.appendChild(field(label || "Value", select([["true", "yes"], ["false", "no"]], c.a === "false" ? "false" : "true", function (v) { c.a = v; changed(false); })));
              return;
            }
            box.appendChild(field(c.op === "between" ? "From" : c.op === "in" ? "Values (comma separated)" : (label || "Value"),
              input(c.a, function (v) { c.a = v; })));
            if (c.op === "between") box.appendChild(field("To", input(c.b, function (v) { c.b = v; })));
          }
          function drawCondition(node, parent) {
            var box = el("div", "sb-cond"); node.el = box;
            if (node.kind === "trait") {
              box.appendChild(el("span", "sb-kind", "Trait"));
              box.appendChild(field("Trait name", input(node.name, function (v) { node.name = v; }, { list: "sb-trait-list", autocomplete: "off" })));
              box.appendChild(field("Operator", select(OPS, node.op, function (v) { node.op = v; changed(true); })));
              valueFields(node, box);
            } else if (node.kind === "prediction") {
              box.appendChild(el("span", "sb-kind", "Prediction"));
              box.appendChild(field("Prediction", select((vocab.predictions || []).map(function (p) { return [p.trait, p.label]; }), node.name, function (v) { node.name = v; changed(false); })));
              box.appendChild(field("Operator", select(NUMERIC_OPS, node.op, function (v) { node.op = v; changed(true); })));
              valueFields(node, box, "Value (P(alive) and churn risk from 0 to 1)");
            } else if (node.kind === "rfm") {
              box.appendChild(el("span", "sb-kind", "RFM segment"));
              var fs = el("fieldset", "sb-rfm"); fs.appendChild(el("legend", null, "RFM segment is one of"));
              (vocab.rfm || []).forEach(function (name) {
                fs.appendChild(checkbox(name, node.values.indexOf(name) >= 0, function (on) {
                  node.values = node.values.filter(function (x) { return x !== name; }); if (on) node.values.push(name);
                }));
              });
              box.appendChild(fs);
            } else if (node.kind === "cluster") {
              box.appendChild(el("span", "sb-kind", "Persona cluster"));
              var pf = el("fieldset", "sb-rfm"); pf.appendChild(el("legend", null, "In a k-means persona cluster of"));
              var offered = (vocab.personas || []).concat(node.values.filter(function (n) { return (vocab.personas || []).indexOf(n) < 0; }));
              offered.forEach(function (name) {
                pf.appendChild(checkbox(name, node.values.indexOf(name) >= 0, function (on) {
                  node.values = node.values.filter(function (x) { return x !== name; }); if (on) node.values.push(name);
                }));
              });
              box.appendChild(pf);
            } else if (node.kind === "event") {
              box.appendChild(el("span", "sb-kind", "Event"));
              box.appendChild(field("Event name", input(node.name, function (v) { node.name = v; }, { list: "sb-event-list", autocomplete: "off" })));
              box.appendChild(field("How often", select(COUNT_OPS, node.countOp, function (v) { node.countOp = v; changed(false); })));
              box.appendChild(field("Times", input(node.count, function (v) { node.count = v; }, { type: "number", min: "0", step: "1" })));
              box.appendChild(field("Within the last N days (empty: ever)", input(node.within, function (v) { node.within = v; }, { type: "number", min: "1", step: "1" })));
              if (node.rawWhere) {
                box.appendChild(el("p", "note", "Property filter kept as written: " + JSON.stringify(node.rawWhere)));
              } else {
                var list = el("ul", "sb-where");
                node.where.forEach(function (w) {
                  var li = el("li");
                  li.appendChild(field("Property", input(w.name, function (v) { w.name = v; })));
                  li.appendChild(field("Operator", select(OPS, w.op, function (v) { w.op = v; changed(true); })));
                  valueFields(w, li);
                  li.appendChild(button("Remove filter", function () { node.where.splice(node.where.indexOf(w), 1); focusAfter = node; changed(true); }, "remove"));
                  list.appendChild(li);
                });
                box.appendChild(list);
                box.appendChild(button("Add property filter", function () {
                  node.where.push({ kind: "trait", name: "", op: "eq", a: "", b: "" }); focusAfter = node; changed(true);
                }));
              }
            }
            box.appendChild(checkbox("Not", node.negate, function (on) { node.negate = on; }));
            if (parent) box.appendChild(remove(parent, node));
            box.appendChild(errorSlot(node));
            return box;
          }
          function errorSlot(node) { var p = el("p", "sb-error"); p.setAttribute("role", "alert"); p.hidden = true; node.errorEl = p; return p; }
          function drawGroup(node, parent, depth) {
            var fs = el("fieldset", "sb-group"); node.el = fs;
            fs.appendChild(el("legend", null, parent ? "Group" : "Profiles that match"));
            var head = el("div", "sb-add");
            head.appendChild(field("Match", select([["all", "all of these (AND)"], ["any", "any of these (OR)"]], node.mode, function (v) { node.mode = v; changed(false); })));
            head.appendChild(checkbox("Not (exclude those that match)", node.negate, function (on) { node.negate = on; }));
            if (parent) head.appendChild(remove(parent, node));
            fs.appendChild(head);
            var list = el("ol", "sb-children");
            node.children.forEach(function (c) {
              var li = el("li"); li.appendChild(c.kind === "group" ? drawGroup(c, node, depth + 1) : drawCondition(c, node)); list.appendChild(li);
            });
            fs.appendChild(list);
            var add = el("div", "sb-add");
            function adder(text, make) { add.appendChild(button(text, function () { var n = make(); node.children.push(n); focusAfter = n; changed(true); })); }
            adder("Add trait condition", function () { return { kind: "trait", name: "", op: "eq", a: "", b: "", negate: false }; });
            adder("Add event condition", function () { return eventNode({}); });
            adder("Add RFM segment condition", function () { return { kind: "rfm", values: [], negate: false }; });
            adder("Add persona cluster condition", function () { return { kind: "cluster", values: [], negate: false }; });
            adder("Add prediction condition", function () { return { kind: "prediction", name: PREDICTIONS[0] || "churn_risk", op: "gte", a: "", b: "", negate: false }; });
            if (depth < 6) adder("Add group", function () { return group(node.mode === "all" ? "any" : "all", []); });
            fs.appendChild(add);
            fs.appendChild(errorSlot(node));
            return fs;
          }
          function redraw() {
            treeBox.textContent = "";
            treeBox.appendChild(drawGroup(root, null, 0));
            if (focusAfter && focusAfter.el) {
              var target = focusAfter.el.querySelector("input, select");
              if (target) target.focus();
            }
            focusAfter = null;
          }

          // ---- errors, preview, save ----
          var paths = [];
          function clearErrors() {
            paths.forEach(function (p) { if (p[1].errorEl) { p[1].errorEl.hidden = true; p[1].el.classList.remove("sb-invalid"); } });
            formError.hidden = true; nameError.hidden = true; nameInput.classList.remove("sb-invalid");
          }
          function mark(node, message) {
            if (!node || !node.errorEl) { formError.textContent = message; formError.hidden = false; return; }
            node.errorEl.textContent = message; node.errorEl.hidden = false; node.el.classList.add("sb-invalid");
          }
          function nodeFor(field) {
            var best = null, length = -1;
            paths.forEach(function (p) {
              var path = p[0], next = field.charAt(path.length);
              if (field.indexOf(path) === 0 && (next === "" || next === "." || next === "[") && path.length > length) { best = p[1]; length = path.length; }
            });
            return best;
          }
          function serialise() {
            paths = []; var problems = [];
            var rule = toRule(root, "rule", paths, problems);
            jsonBox.textContent = JSON.stringify(rule, null, 2);
            return { rule: rule, problems: problems };
          }
          function problem(response) {
            return response.json().then(function (p) { return p; }, function () { return { detail: "HTTP " + response.status }; });
          }
          function showProblem(p) {
            if (p.field === "name") { nameError.textContent = p.detail; nameError.hidden = false; nameInput.classList.add("sb-invalid"); nameInput.focus(); }
            else if (p.field && p.field.indexOf("rule") === 0) {
              // The engine's message starts with the node's path; the message sits next to that node.
              var text = p.detail && p.detail.indexOf(p.field + " ") === 0 ? p.detail.slice(p.field.length + 1) : p.detail;
              mark(nodeFor(p.field), text.charAt(0).toUpperCase() + text.slice(1) + ".");
            }
            else mark(null, p.detail || "Something went wrong.");
          }
          function preview() {
            var s = serialise(); clearErrors();
            if (!root.children.length) { countBox.textContent = "Add a condition to see how many profiles match."; sampleTable.hidden = true; return; }
            if (s.problems.length) {
              s.problems.forEach(function (p) { mark(p[0], p[1]); });
              countBox.textContent = "Complete the highlighted conditions to see the count."; sampleTable.hidden = true; return;
            }
            var mine = ++seq;
            countBox.textContent = "Counting…";
            fetch("/dashboard/api/segments/preview?ws=" + encodeURIComponent(ws), {
              method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ rule: s.rule, sample: 10 })
            }).then(function (r) {
              if (mine !== seq) return;
              if (!r.ok) return problem(r).then(function (p) { showProblem(p); countBox.textContent = "The rule has an error."; sampleTable.hidden = true; });
              return r.json().then(function (res) {
                if (mine !== seq) return;
                countBox.textContent = res.count.toLocaleString("en-US") + " of " + res.total.toLocaleString("en-US") + " profiles match (" + res.share + ")";
                var body = sampleTable.tBodies[0]; body.textContent = "";
                res.sample.forEach(function (m) {
                  var tr = document.createElement("tr"), th = document.createElement("th"), a = document.createElement("a");
                  th.scope = "row"; a.href = m.href; a.textContent = m.name; th.appendChild(a); tr.appendChild(th);
                  tr.appendChild(el("td", null, m.email)); tr.appendChild(el("td", "num", m.ltv)); body.appendChild(tr);
                });
                sampleTable.hidden = res.sample.length === 0;
              });
            }).catch(function () { if (mine === seq) countBox.textContent = "Could not reach the server; the count will update on the next change."; });
          }
          function changed(structure) {
            if (structure) redraw();
            serialise();
            clearTimeout(timer); timer = setTimeout(preview, 400);
          }
          form.addEventListener("submit", function (ev) {
            ev.preventDefault();
            var s = serialise(); clearErrors();
            if (!nameInput.value.trim()) { showProblem({ field: "name", detail: "Give the segment a name." }); return; }
            if (s.problems.length) { s.problems.forEach(function (p) { mark(p[0], p[1]); }); return; }
            var url = "/dashboard/api/segments" + (segmentId ? "/" + encodeURIComponent(segmentId) : "") + "?ws=" + encodeURIComponent(ws);
            fetch(url, {
              method: segmentId ? "PUT" : "POST", headers: { "Content-Type": "application/json" },
              body: JSON.stringify({ name: nameInput.value, description: descInput.value, rule: s.rule })
            }).then(function (r) {
              if (r.ok) return r.json().then(function (res) { location.assign(res.href); });
              return problem(r).then(showProblem);
            }).catch(function () { mark(null, "Could not reach the server; nothing was saved."); });
          });
          redraw();
          preview();
        })();
        """
}
