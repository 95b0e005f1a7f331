extension DashboardTemplates {
    /// Overview: KPI cards with period-over-period change, channel performance, quick insights.
    static let overview = """
        {{<layout}}{{$content}}
        {{#page.empty}}
        <section class="empty">
          <h2>No orders in this workspace yet</h2>
          <p>The overview fills in once orders arrive. Send <code>Order Completed</code> track events with
          <code>properties.revenue</code> (and page views with utm parameters so Beacon knows the channel):</p>
          <pre><code>curl -u "$WRITE_KEY:" -H 'Content-Type: application/json' {{page.host}}/v1/track \\
          -d '{"userId":"u-1","event":"Order Completed","properties":{"revenue":59.90}}'</code></pre>
          <p>or import a file: <code>beacon import orders orders.csv --workspace {{workspace}}</code>, or try <code>beacon demo</code>.</p>
        </section>
        {{/page.empty}}
        {{^page.empty}}
        <p class="lede">{{page.period}}</p>
        <form class="inline" method="get" aria-label="The date this page is computed as of"><input type="hidden" name="ws" value="{{workspace}}"><label for="as-of">As of</label> <input id="as-of" type="date" name="as_of" value="{{asOf}}"> <button type="submit">Show</button></form>
        <p><a class="button" href="{{page.reportLink}}" download>Download PDF</a> <span class="note">the executive report for this period: KPIs, channels, marketing mix, customers, attribution, anomalies</span></p>
        <section aria-labelledby="kpi-customers">
          <h2 id="kpi-customers">Customers and revenue</h2>
          <div class="cards">{{#page.customerKPIs}}{{> kpi}}{{/page.customerKPIs}}</div>
        </section>
        <section aria-labelledby="kpi-spend">
          <h2 id="kpi-spend">Marketing spend</h2>
          <p class="note">{{page.spendSource}}</p>
          <div class="cards">{{#page.spendKPIs}}{{> kpi}}{{/page.spendKPIs}}</div>
        </section>
        <section aria-labelledby="kpi-marketing">
          <h2 id="kpi-marketing">Acquisition, conversion and churn</h2>
          <div class="cards">{{#page.marketingKPIs}}{{> kpi}}{{/page.marketingKPIs}}</div>
          <ul class="note" aria-label="How these are computed">{{#page.marketingDefinitions}}<li>{{.}}</li>{{/page.marketingDefinitions}}</ul>
          {{#page.kpis}}{{> csvLink}}{{/page.kpis}}
        </section>
        <section aria-labelledby="insights">
          <h2 id="insights">Quick insights</h2>
          <ul class="insights">{{#page.insights}}<li>{{.}}</li>{{/page.insights}}</ul>
        </section>
        <section aria-labelledby="anomalies">
          <h2 id="anomalies">Anomalies and data checks</h2>
          {{#page.anomalies}}{{> dataTable}}{{/page.anomalies}}
          {{^page.anomalies}}<p class="note">No unusual days in the period (robust STL and generalized ESD on daily revenue, orders, events, sign-ups and spend).</p>{{/page.anomalies}}
          {{#page.hasChecks}}<ul class="insights" aria-label="Data checks that found something">{{#page.checks}}<li>{{.}}</li>{{/page.checks}}</ul>{{/page.hasChecks}}
          {{#page.checksPassed}}<p class="note">{{page.checksPassed}}</p>{{/page.checksPassed}}
        </section>
        <section aria-labelledby="channels">
          <h2 id="channels">Channel performance</h2>
          <p class="note">Weekly revenue by the channel of each order's last touch.</p>
          <figure>{{{page.chart}}}</figure>
        </section>
        {{/page.empty}}
        {{/content}}{{/layout}}
        """

    /// One KPI card.
    static let kpi = """
        <div class="card"><div class="label">{{label}}</div><div class="value">{{value}}</div>{{#change}}<div class="change {{direction}}">{{change}}</div>{{/change}}{{#note}}<div class="note">{{note}}</div>{{/note}}</div>
        """
}
