extension DashboardTemplates {
    /// Journeys: every journey with its status, live version and people in it.
    static let journeys = """
        {{<layout}}{{$content}}
        <p class="lede">Journeys move people through waits, branches, splits and sends, one version at a time.
        They are built and published with the API (<code>/api/journeys</code>) or the CLI (<code>beacon journeys</code>); this page shows where everyone is.</p>
        {{#page.empty}}<section class="empty"><h2>No journeys yet</h2><p>Create one from a JSON definition:
        <code>beacon journeys create --workspace {{workspace}} welcome --definition welcome.json</code>, then <code>beacon journeys publish</code>.</p></section>{{/page.empty}}
        {{^page.empty}}
        <table id="journeys"><caption>Journeys of this workspace</caption>
          <thead><tr><th scope="col">Journey</th><th scope="col">Status</th><th scope="col">Live version</th><th scope="col" class="num">Published versions</th><th scope="col" class="num">In it now</th><th scope="col" class="num">Finished</th></tr></thead>
          <tbody>{{#page.rows}}<tr><th scope="row"><a href="{{href}}">{{name}}</a></th><td class="state-{{status}}">{{status}}</td><td>{{live}}</td><td class="num">{{versions}}</td><td class="num">{{active}}</td><td class="num">{{completed}}</td></tr>{{/page.rows}}</tbody>
        </table>
        {{#page.table}}{{> csvLink}}{{/page.table}}
        {{/page.empty}}
        {{/content}}{{/layout}}
        """

    /// One journey: settings, each version's steps with the per-step funnel, experiments.
    static let journeyDetail = """
        {{<layout}}{{$content}}
        <p><a href="{{page.backHref}}">← All journeys</a></p>
        <p class="lede">Status <strong class="state-{{page.status}}">{{page.status}}</strong>, live version {{page.live}}.
        At every step, entered = waiting + advanced + migrated + completed + exited + converted + failed.</p>
        <ul id="journey-settings">{{#page.settings}}<li>{{.}}</li>{{/page.settings}}</ul>
        {{#page.versions}}
        <section aria-labelledby="v{{version}}-heading" data-version="{{version}}"><h2 id="v{{version}}-heading">Version {{version}} <span class="note">({{state}}; created {{created}}, published {{published}}; {{people}} in it now)</span></h2>
        <table class="journey-steps"><caption>Steps of version {{version}} with the people who reached each and what became of them</caption>
          <thead><tr><th scope="col">Step</th><th scope="col">Type</th><th scope="col">Settings</th><th scope="col">Next</th><th scope="col" class="num">Entered</th><th scope="col" class="num">Waiting</th><th scope="col" class="num">Advanced</th><th scope="col" class="num">Migrated</th><th scope="col" class="num">Completed</th><th scope="col" class="num">Exited</th><th scope="col" class="num">Converted</th><th scope="col" class="num">Failed</th></tr></thead>
          <tbody>{{#steps}}<tr data-step="{{id}}"><th scope="row"><code>{{id}}</code></th><td>{{type}}</td><td>{{detail}}</td><td>{{next}}</td><td class="num">{{entered}}</td><td class="num">{{waiting}}</td><td class="num">{{advanced}}</td><td class="num">{{migrated}}</td><td class="num">{{completed}}</td><td class="num">{{exited}}</td><td class="num">{{converted}}</td><td class="num">{{failed}}</td></tr>{{/steps}}</tbody>
        </table>
        {{#table}}{{> csvLink}}{{/table}}
        </section>
        {{/page.versions}}
        {{#page.hasExperiments}}
        <section aria-labelledby="exp-heading"><h2 id="exp-heading">Experiments</h2>
        <p class="note">p-values and intervals are always valid (mSPRT): they may be read at any time without inflating false positives.</p>
        {{#page.experiments}}
        <table class="journey-experiment"><caption>{{name}} (step {{step}}, version {{version}}); sample-ratio p = {{sampleRatio}}{{#mismatch}} — <strong>sample ratio mismatch</strong>{{/mismatch}}</caption>
          <thead><tr><th scope="col">Variant</th><th scope="col" class="num">People</th><th scope="col" class="num">Conversions</th><th scope="col" class="num">Rate</th><th scope="col" class="num">Difference vs control</th><th scope="col" class="num">p-value</th><th scope="col">Interval</th></tr></thead>
          <tbody>{{#arms}}<tr><th scope="row">{{name}}</th><td class="num">{{people}}</td><td class="num">{{conversions}}</td><td class="num">{{rate}}</td><td class="num">{{lift}}</td><td class="num">{{pValue}}</td><td>{{interval}}</td></tr>{{/arms}}</tbody>
        </table>
        {{#table}}{{> csvLink}}{{/table}}
        {{/page.experiments}}
        </section>
        {{/page.hasExperiments}}
        {{/content}}{{/layout}}
        """
}
