extension DashboardTemplates {
    /// Data: workspaces, write keys, live event debugger.
    static let data = """
        {{<layout}}{{$content}}
        <section aria-labelledby="workspaces"><h2 id="workspaces">Workspaces</h2>
          <table><caption>Workspaces on this server</caption>
            <thead><tr><th scope="col">Workspace</th><th scope="col">Created</th><th scope="col" class="num">Events</th></tr></thead>
            <tbody>{{#page.workspaces}}<tr{{#current}} class="current"{{/current}}><th scope="row">{{name}}</th><td>{{created}}</td><td class="num">{{events}}</td></tr>{{/page.workspaces}}</tbody>
          </table>
          {{#page.workspacesTable}}{{> csvLink}}{{/page.workspacesTable}}
        </section>
        <section aria-labelledby="imports-heading"><h2 id="imports-heading">Imports</h2>
          {{^page.imports.hasRows}}<p class="empty">No imports yet. Load history from files with <code>beacon import events FILE.jsonl --workspace {{page.workspaceName}}</code>,
          <code>beacon import orders FILE.csv --workspace {{page.workspaceName}}</code> or <code>beacon import spend FILE.csv --workspace {{page.workspaceName}}</code>; each run appears here with its progress.</p>{{/page.imports.hasRows}}
          {{#page.imports.hasRows}}
          <p class="note" id="imports-status" role="status">{{#page.imports.running}}An import is running; this table updates every 2 seconds.{{/page.imports.running}}</p>
          <table id="imports" data-ws="{{page.workspaceName}}" data-running="{{#page.imports.running}}true{{/page.imports.running}}">
            <caption>Recent imports, newest first</caption>
            <thead><tr><th scope="col">File</th><th scope="col">Kind</th><th scope="col">Started (UTC)</th><th scope="col">State</th><th scope="col">Progress</th><th scope="col" class="num">Rows read</th><th scope="col" class="num">Skipped</th><th scope="col" class="num">Events stored</th><th scope="col">Finished (UTC)</th></tr></thead>
            <tbody>{{#page.imports.rows}}<tr data-job="{{id}}"><th scope="row">{{file}}</th><td>{{kind}}</td><td>{{started}}</td><td data-field="state" class="state-{{state}}">{{state}}{{#failed}}: {{error}}{{/failed}}</td>
            <td><progress data-field="bar" max="100"{{#percent}} value="{{percent}}"{{/percent}} aria-label="Progress of {{file}}">{{percent}}%</progress> <span data-field="percent">{{#percent}}{{percent}}%{{/percent}}</span></td>
            <td class="num" data-field="rowsRead">{{rowsRead}}</td><td class="num" data-field="rowsSkipped">{{rowsSkipped}}</td><td class="num" data-field="eventsStored">{{eventsStored}}</td><td data-field="finished">{{finished}}</td></tr>{{/page.imports.rows}}</tbody>
          </table>
          {{#page.imports.table}}{{> csvLink}}{{/page.imports.table}}
          {{/page.imports.hasRows}}
          {{#page.canImport}}<form id="upload" method="post" action="/dashboard/data/import{{query}}" enctype="multipart/form-data">
            <label for="upload-kind">Import</label>
            <select id="upload-kind" name="kind"><option value="orders">orders (CSV)</option><option value="events">events (JSON lines)</option></select>
            <label for="upload-file">File</label> <input id="upload-file" name="file" type="file" required accept=".csv,.gz,.jsonl,.json,text/csv">
            <label for="upload-map">Columns</label> <input id="upload-map" name="map" placeholder="customer_id=CustomerID,order_id=InvoiceNo,…">
            <button type="submit">Upload and import</button>
            <span class="note">Checked as <code>beacon import</code> checks it: a refused file stores nothing and its rows are listed by line; up to 64 MiB.</span>
          </form>{{/page.canImport}}
        </section>
        <section aria-labelledby="privacy-heading"><h2 id="privacy-heading">Suppressed subjects</h2>
          <p id="suppression" data-subjects="{{page.suppression.subjects}}" data-dropped="{{page.suppression.droppedEvents}}">{{page.suppression.subjects}} suppressed subjects; {{page.suppression.droppedEvents}} of their events dropped before storage since the server started.
          {{^page.suppression.hasSuppressions}}Suppress a person with <code>beacon privacy suppress --workspace {{page.workspaceName}} --identifier ID</code>; an erasure suppresses them too.{{/page.suppression.hasSuppressions}}</p>
        </section>
        <section aria-labelledby="keys"><h2 id="keys">Sources and write keys</h2>
          <p>Write keys are stored only as SHA-256 hashes, so Beacon cannot show them again. Each source (website, app,
          server) should get its own key, so one can be revoked without touching the others.
          The SDKs send it as the HTTP Basic user to <code>/v1/track</code>, <code>/v1/identify</code>, <code>/v1/page</code>, <code>/v1/batch</code>….</p>
          <table id="write-keys"><caption>Write keys of {{page.workspaceName}} (fingerprint = the first digits of the key's hash, not of the key)</caption>
            <thead><tr><th scope="col">Source</th><th scope="col">Fingerprint</th><th scope="col">Created</th>{{#page.canManageKeys}}<th scope="col">Action</th>{{/page.canManageKeys}}</tr></thead>
            <tbody>{{#page.keys}}<tr><th scope="row">{{label}}</th><td><code>{{fingerprint}}</code></td><td>{{created}}</td>
            {{#page.canManageKeys}}<td><form class="inline" method="post" action="/dashboard/data/keys/revoke{{query}}">
              <input type="hidden" name="fingerprint" value="{{fingerprint}}">
              <button type="submit" class="secondary" aria-label="Revoke the {{label}} key {{fingerprint}}">Revoke</button></form></td>{{/page.canManageKeys}}</tr>{{/page.keys}}
            {{^page.keys}}<tr><td colspan="4">No write keys: this workspace accepts no events until it gets one.</td></tr>{{/page.keys}}</tbody>
          </table>
          {{#page.keysTable}}{{> csvLink}}{{/page.keysTable}}
          {{#page.canManageKeys}}<form class="inline" method="post" action="/dashboard/data/keys{{query}}">
            <label for="key-label">New source</label>
            <input id="key-label" name="label" required maxlength="64" placeholder="website, ios-app, shopify…">
            <button type="submit">Create write key</button>
          </form>{{/page.canManageKeys}}
          {{^page.canManageKeys}}<p class="note">An administrator can add or revoke keys here, or with <code>beacon workspace add-key|keys|revoke-key</code>.</p>{{/page.canManageKeys}}
        </section>
        <section aria-labelledby="webhook-sources"><h2 id="webhook-sources">Webhook sources</h2>
          {{^page.sources}}<p class="empty">No webhook sources. Shops that push their own webhooks (Shopify orders, refunds and customers;
          Stripe charges, refunds, customers and subscriptions) deliver to a source: <code>beacon source create --workspace {{page.workspaceName}} --kind shopify --name store</code>
          (the signing secret on standard input), then give the vendor the URL it prints.</p>{{/page.sources}}
          {{#page.sources}}<h3>{{name}} <small>({{kind}}, <code>POST {{path}}</code>)</small></h3>
          <table class="deliveries"><caption>Latest deliveries of {{name}}, newest first</caption>
            <thead><tr><th scope="col">Received</th><th scope="col">Topic</th><th scope="col">Outcome</th><th scope="col" class="num">Events stored</th><th scope="col">Detail</th></tr></thead>
            <tbody>{{#deliveries}}<tr><td>{{time}}</td><td>{{topic}}</td><td class="state-{{outcome}}">{{outcome}}</td><td class="num">{{stored}}</td><td>{{detail}}</td></tr>{{/deliveries}}
            {{^hasDeliveries}}<tr><td colspan="5">No deliveries yet.</td></tr>{{/hasDeliveries}}</tbody>
          </table>{{#hasDeliveries}}{{#table}}{{> csvLink}}{{/table}}{{/hasDeliveries}}{{/page.sources}}
        </section>
        <section aria-labelledby="debugger"><h2 id="debugger">Live events</h2>
          {{#page.empty}}<p class="empty" id="debugger-empty">No events yet. Send one with your write key and it appears here within seconds:
          <code>curl -u "$WRITE_KEY:" -H 'Content-Type: application/json' -d '{"userId":"u-1","event":"Signed Up"}' …/v1/track</code></p>{{/page.empty}}
          <p class="note"><label><input type="checkbox" id="live" checked> Poll for new events every 2 seconds</label> <span id="live-status" role="status"></span></p>
          <table class="events" id="events" data-ws="{{page.workspaceName}}" data-after="{{page.lastSequence}}">
            <caption>Newest first</caption>
            <thead><tr><th scope="col">#</th><th scope="col">Time (UTC)</th><th scope="col">Type</th><th scope="col">Event / name</th><th scope="col">User</th><th scope="col">Payload</th></tr></thead>
            <tbody>{{#page.events}}<tr><td class="num">{{sequence}}</td><td>{{time}}</td><td>{{type}}</td><td>{{name}}</td><td>{{who}}</td><td><details><summary>JSON</summary><pre>{{json}}</pre></details></td></tr>{{/page.events}}</tbody>
          </table>
          {{^page.empty}}{{#page.eventsTable}}{{> csvLink}}{{/page.eventsTable}}{{/page.empty}}
        </section>
        {{/content}}{{/layout}}
        """
}

extension DashboardTemplates {
    /// A new write key, shown once.
    static let newKey = """
        {{<layout}}{{$content}}
        <section class="empty" role="status">
          <h2>Write key for “{{page.label}}”</h2>
          <p>Copy it now: Beacon keeps only its hash and cannot show it again.</p>
          <pre><code id="new-key">{{page.key}}</code></pre>
          <p>Send it as the HTTP Basic user (password empty) to <code>/v1/…</code>, or set it as the SDK's write key.</p>
          <p><a href="/dashboard/data{{query}}#write-keys">Back to sources and write keys</a></p>
        </section>
        {{/content}}{{/layout}}
        """
}
