extension DashboardTemplates {
    /// Data: workspaces, write keys, live event debugger.
    static let data = """
        {{<layout}}{{$content}}
        <section aria-labelledby="workspaces"><h2 id="workspaces">Workspaces</h2>
          <table><caption>Workspaces on this server</caption>
            <thead><tr><th scope="col">Workspace</th><th scope="col">Created</th><th scope="col" class="num">Events</th></tr></thead>
            <tbody>{{#page.workspaces}}<tr{{#current}} class="current"{{/current}}><th scope="row">{{name}}</th><td>{{created}}</td><td class="num">{{events}}</td></tr>{{/page.workspaces}}</tbody>
          </table>
        </section>
        {{#page.imports.available}}
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
          {{/page.imports.hasRows}}
        </section>
        {{/page.imports.available}}
        <section aria-labelledby="keys"><h2 id="keys">Sources and write keys</h2>
          <p>Write keys are stored only as SHA-256 hashes, so Beacon cannot show them again. Each source (website, app,
          server) should get its own key: <code>beacon workspace add-key {{page.workspaceName}} --label website</code> prints a new one once.
          The SDKs send it as the HTTP Basic user to <code>/v1/track</code>, <code>/v1/identify</code>, <code>/v1/page</code>, <code>/v1/batch</code>….</p>
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
        </section>
        {{/content}}{{/layout}}
        """
}
