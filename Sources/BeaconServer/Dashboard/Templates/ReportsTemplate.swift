extension DashboardTemplates {
    /// Scheduled email reports: schedules, a form for a new one, delivery history.
    static let reports = """
        {{<layout}}{{$content}}
        <p class="lede">The executive report by email: the KPI table in the message, the full report as a PDF attachment, sent through an email destination of this workspace on your schedule, in your time zone. A time a daylight-saving change skips runs when the clock jumps; a repeated time runs once.</p>
        {{#page.notice}}<p class="insight" role="status">{{page.notice}}</p>{{/page.notice}}
        {{#page.error}}<p class="form-error" role="alert">{{page.error}}</p>{{/page.error}}
        <section aria-labelledby="schedules"><h2 id="schedules">Scheduled reports</h2>
          <table><caption>Schedules in this workspace</caption>
            <thead><tr><th scope="col">Name</th><th scope="col">To</th><th scope="col">Schedule</th><th scope="col">Next run</th><th scope="col">State</th><th scope="col">Actions</th></tr></thead>
            <tbody>{{#page.rows}}<tr><th scope="row">{{name}}</th><td>{{recipient}}</td><td><code>{{schedule}}</code> ({{timeZone}})</td><td>{{nextRun}}</td><td>{{state}}</td>
            <td><a href="/dashboard/reports/{{id}}/preview{{page.query}}">Preview</a>
            {{#page.canEdit}}<form class="inline" method="post" action="/dashboard/reports/{{id}}/send{{page.query}}"><button type="submit">Send now</button></form>
            {{#active}}<form class="inline" method="post" action="/dashboard/reports/{{id}}/pause{{page.query}}"><button type="submit">Pause</button></form>{{/active}}
            {{^active}}<form class="inline" method="post" action="/dashboard/reports/{{id}}/resume{{page.query}}"><button type="submit">Resume</button></form>{{/active}}
            <form class="inline" method="post" action="/dashboard/reports/{{id}}/delete{{page.query}}"><button type="submit">Delete</button></form>{{/page.canEdit}}</td></tr>{{/page.rows}}
            {{^page.rows}}<tr><td colspan="6">No scheduled reports yet.</td></tr>{{/page.rows}}</tbody>
          </table>
          {{#page.schedulesTable}}{{#hasRows}}{{> csvLink}}{{/hasRows}}{{/page.schedulesTable}}
        </section>
        {{#page.canEdit}}<section aria-labelledby="new"><h2 id="new">Schedule the report for me</h2>
          {{^page.hasDestinations}}<p>Create an email destination first (Destinations): it holds the SMTP server and sender the report is sent with.</p>{{/page.hasDestinations}}
          {{#page.hasDestinations}}<form class="stacked" method="post" action="/dashboard/reports{{page.query}}">
            <label for="report-name">Name</label>
            <input id="report-name" name="name" required maxlength="100" value="{{page.draftName}}">
            <label for="report-schedule">How often</label>
            <select id="report-schedule" name="schedule"><option value="daily">Daily</option><option value="weekly">Weekly (Mondays)</option><option value="monthly">Monthly (the 1st)</option><option value="cron">Cron expression</option></select>
            <label for="report-time">At (HH:MM, daily, weekly, monthly)</label>
            <input id="report-time" name="time" pattern="[0-2][0-9]:[0-5][0-9]" value="08:00">
            <label for="report-cron">Cron expression (minute hour day-of-month month day-of-week)</label>
            <input id="report-cron" name="cron" placeholder="30 7 * * 1-5">
            <label for="report-zone">Time zone (IANA)</label>
            <input id="report-zone" name="timeZone" required value="{{page.draftTimeZone}}">
            <label for="report-destination">Send through</label>
            <select id="report-destination" name="destination">{{#page.destinations}}<option value="{{id}}">{{name}}</option>{{/page.destinations}}</select>
            <button type="submit">Schedule</button>
          </form>{{/page.hasDestinations}}
        </section>{{/page.canEdit}}
        <section aria-labelledby="history"><h2 id="history">Delivery history</h2>
          {{#page.runsTable}}{{> dataTable}}{{/page.runsTable}}
        </section>
        {{/content}}{{/layout}}
        """
}
