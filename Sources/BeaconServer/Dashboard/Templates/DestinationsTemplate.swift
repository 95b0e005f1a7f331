extension DashboardTemplates {
    /// Destinations: list with state and actions, create webhook/email, activate a segment,
    /// activations, email suppressions.
    static let destinations = """
        {{<layout}}{{$content}}
        <p class="lede">Where segments and events are sent: signed webhooks and emails, each delivered from a durable outbox with retries, dead letters and replay.
        The same actions are in the API (<code>/api/destinations</code>, <code>/api/activations</code>, <code>/api/email-suppressions</code>) and the CLI (<code>beacon destinations|activations|email-suppressions</code>).</p>
        <section aria-labelledby="dest-heading"><h2 id="dest-heading">Destinations</h2>
        {{^page.hasDestinations}}<p class="empty">No destinations yet. Create a webhook or an email destination below, then activate a segment on it.</p>{{/page.hasDestinations}}
        {{#page.hasDestinations}}
        <table id="destinations"><caption>Destinations of this workspace with their messages</caption>
          <thead><tr><th scope="col">Name</th><th scope="col">Type</th><th scope="col">Address</th><th scope="col">State</th><th scope="col" class="num">Pending</th><th scope="col" class="num">Delivered</th><th scope="col" class="num">Dead</th>{{#page.canManage}}<th scope="col">Actions</th>{{/page.canManage}}</tr></thead>
          <tbody>{{#page.destinations}}<tr data-destination="{{id}}"><th scope="row"><a href="{{href}}">{{name}}</a></th><td>{{type}}</td><td><code>{{address}}</code></td>
          <td class="state-{{state}}">{{state}}{{#hasReason}}: {{reason}}{{/hasReason}}</td><td class="num">{{pending}}</td><td class="num">{{delivered}}</td><td class="num">{{dead}}</td>
          {{#page.canManage}}<td>
            <form class="inline" method="post" action="/dashboard/destinations/{{id}}/test{{query}}"><button type="submit" class="secondary" aria-label="Send a test to {{name}}">Send test</button></form>
            {{#isActive}}<form class="inline" method="post" action="/dashboard/destinations/{{id}}/pause{{query}}"><button type="submit" class="secondary" aria-label="Pause {{name}}">Pause</button></form>{{/isActive}}
            {{^isActive}}<form class="inline" method="post" action="/dashboard/destinations/{{id}}/resume{{query}}"><button type="submit" class="secondary" aria-label="Resume {{name}}">Resume</button></form>{{/isActive}}
            {{#isWebhook}}<form class="inline" method="post" action="/dashboard/destinations/{{id}}/rotate-secret{{query}}"><button type="submit" class="secondary" aria-label="Rotate the signing secret of {{name}}">Rotate secret</button></form>{{/isWebhook}}
          </td>{{/page.canManage}}</tr>{{/page.destinations}}</tbody>
        </table>
        {{#page.destinationsTable}}{{> csvLink}}{{/page.destinationsTable}}
        {{/page.hasDestinations}}
        </section>
        {{#page.canManage}}
        <section aria-labelledby="activate-heading"><h2 id="activate-heading">Activate a segment</h2>
        {{#page.hasActivateSegment}}<p class="note">Choose where “{{page.activateSegment}}” should be sent.</p>{{/page.hasActivateSegment}}
        <form class="stacked" method="post" action="/dashboard/destinations/activate{{query}}">
          <label for="act-segment">Segment</label>
          <select id="act-segment" name="segment" required>{{#page.segments}}<option value="{{id}}"{{#selected}} selected{{/selected}}>{{name}}</option>{{/page.segments}}</select>
          <label for="act-destination">Destination</label>
          <select id="act-destination" name="destination" required>{{#page.destinationOptions}}<option value="{{id}}">{{name}}</option>{{/page.destinationOptions}}</select>
          <fieldset><legend>Send when a profile</legend>
            <label><input type="checkbox" name="entered" value="on" checked> enters</label>
            <label><input type="checkbox" name="exited" value="on"> exits</label></fieldset>
          <button type="submit">Activate</button>
        </form>
        </section>
        <section aria-labelledby="webhook-heading"><h2 id="webhook-heading">New webhook destination</h2>
        <form class="stacked" method="post" action="/dashboard/destinations/webhook{{query}}">
          <label for="wh-name">Name</label><input id="wh-name" name="name" required maxlength="100">
          <label for="wh-url">Endpoint URL</label><input id="wh-url" name="url" type="url" required placeholder="https://example.com/hooks/beacon">
          <button type="submit">Create webhook</button>
        </form>
        <p class="note">Deliveries are signed per Standard Webhooks; the signing secret is shown once.</p>
        </section>
        <section aria-labelledby="email-heading"><h2 id="email-heading">New email destination</h2>
        <form class="stacked" method="post" action="/dashboard/destinations/email{{query}}">
          <label for="em-name">Name</label><input id="em-name" name="name" required maxlength="100">
          <label for="em-host">SMTP host</label><input id="em-host" name="host" required>
          <label for="em-port">Port</label><input id="em-port" name="port" inputmode="numeric" value="587">
          <label for="em-security">Security</label>
          <select id="em-security" name="security"><option value="starttls">STARTTLS</option><option value="tls">TLS (port 465)</option><option value="none">None</option></select>
          <label for="em-username">User name</label><input id="em-username" name="username" autocomplete="off">
          <label for="em-password">Password</label><input id="em-password" name="password" type="password" autocomplete="new-password">
          <label for="em-from">From address</label><input id="em-from" name="from" type="email" required>
          <label for="em-from-name">From name</label><input id="em-from-name" name="fromName">
          <label for="em-subject">Subject (Mustache over traits, e.g. <code>Hi &#123;&#123;first_name&#125;&#125;</code>)</label><input id="em-subject" name="subject" required>
          <label for="em-text">Text part</label><textarea id="em-text" name="text" rows="5" required></textarea>
          <label for="em-html">HTML part</label><textarea id="em-html" name="html" rows="6" required></textarea>
          <label for="em-unsub">This server's https address (for one-click unsubscribe links)</label><input id="em-unsub" name="unsubscribeUrl" type="url" required placeholder="https://beacon.example.com">
          <label><input type="checkbox" name="verify" value="on" checked> Connect and log in before saving</label>
          <button type="submit">Create email destination</button>
        </form>
        </section>
        {{/page.canManage}}
        <section aria-labelledby="activations-heading"><h2 id="activations-heading">Activations</h2>
        {{#page.activationsTable}}{{> dataTable}}{{/page.activationsTable}}
        </section>
        <section aria-labelledby="suppressions-heading"><h2 id="suppressions-heading">Email suppressions</h2>
        <p class="note">Addresses no email destination sends to: hard bounces (5xx), complaints, unsubscribes and manual entries. Checked when each email is sent.</p>
        <table id="suppressions"><caption>Suppressed addresses, newest first</caption>
          <thead><tr><th scope="col">Address</th><th scope="col">Reason</th><th scope="col">Since</th><th scope="col">Detail</th>{{#page.canManage}}<th scope="col">Action</th>{{/page.canManage}}</tr></thead>
          <tbody>{{#page.suppressions}}<tr><th scope="row">{{address}}</th><td>{{reason}}</td><td>{{created}}</td><td>{{detail}}</td>
          {{#page.canManage}}<td><form class="inline" method="post" action="/dashboard/email-suppressions/remove{{query}}"><input type="hidden" name="address" value="{{address}}"><button type="submit" class="secondary" aria-label="Send to {{address}} again">Remove</button></form></td>{{/page.canManage}}</tr>{{/page.suppressions}}
          {{^page.suppressions}}<tr><td colspan="5">No suppressed addresses.</td></tr>{{/page.suppressions}}</tbody>
        </table>
        {{#page.suppressionsTable}}{{#hasRows}}{{> csvLink}}{{/hasRows}}{{/page.suppressionsTable}}
        {{#page.canManage}}<form class="inline" method="post" action="/dashboard/email-suppressions/add{{query}}">
          <label for="sup-address">Suppress</label><input id="sup-address" name="address" type="email" required>
          <button type="submit">Add</button></form>{{/page.canManage}}
        </section>
        {{/content}}{{/layout}}
        """

    /// One destination: settings, delivery log, dead letters with replay.
    static let destinationDetail = """
        {{<layout}}{{$content}}
        <p class="sb-actions"><a href="/dashboard/destinations{{query}}">All destinations</a></p>
        <p class="note">{{page.type}} · <code>{{page.address}}</code> · <span class="state-{{page.state}}">{{page.state}}{{#page.hasReason}}: {{page.reason}}{{/page.hasReason}}</span></p>
        {{#page.hasSettings}}<p class="note">{{page.settings}}</p>{{/page.hasSettings}}
        <section aria-labelledby="dead-heading"><h2 id="dead-heading">Dead letters</h2>
        {{^page.hasDead}}<p class="empty">No dead letters: every message was delivered or is still being tried.</p>{{/page.hasDead}}
        {{#page.hasDead}}
        {{#page.canManage}}<form class="inline" method="post" action="/dashboard/destinations/{{page.id}}/replay{{query}}"><button type="submit">Replay all dead letters</button></form>{{/page.canManage}}
        <table id="dead-letters"><caption>Messages out of attempts or refused for good, newest first</caption>
          <thead><tr><th scope="col">Message</th><th scope="col">Cause</th><th scope="col" class="num">Attempts</th><th scope="col">Status</th><th scope="col">Response</th>{{#page.canManage}}<th scope="col">Action</th>{{/page.canManage}}</tr></thead>
          <tbody>{{#page.dead}}<tr><td><code>{{id}}</code></td><td>{{cause}}</td><td class="num">{{attempts}}</td><td>{{status}}</td><td>{{response}}</td>
          {{#page.canManage}}<td><form class="inline" method="post" action="/dashboard/destinations/{{page.id}}/replay{{query}}"><input type="hidden" name="id" value="{{id}}"><button type="submit" class="secondary" aria-label="Replay {{id}}">Replay</button></form></td>{{/page.canManage}}</tr>{{/page.dead}}</tbody>
        </table>
        {{#page.deadTable}}{{> csvLink}}{{/page.deadTable}}
        {{/page.hasDead}}
        </section>
        <section aria-labelledby="log-heading"><h2 id="log-heading">Delivery log</h2>
        {{#page.logTable}}{{> dataTable}}{{/page.logTable}}
        </section>
        {{/content}}{{/layout}}
        """

    /// A signing secret shown once.
    static let destinationSecret = """
        {{<layout}}{{$content}}
        <section class="empty" role="status">
          <h2>Signing secret of “{{page.name}}”</h2>
          <p>Copy it now: Beacon keeps it sealed and cannot show it again. Receivers verify each delivery's <code>webhook-signature</code> with it.</p>
          <pre><code id="new-secret">{{page.secret}}</code></pre>
          <p><a href="{{page.backHref}}">Back to destinations</a></p>
        </section>
        {{/content}}{{/layout}}
        """
}
