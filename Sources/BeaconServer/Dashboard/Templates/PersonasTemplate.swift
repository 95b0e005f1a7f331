extension DashboardTemplates {
    /// Personas: k-means clusters as personas with KPI cards and actions, the scatter plot, RFM segments.
    static let personas = """
        {{<layout}}{{$content}}
        <form class="inline" method="get" aria-label="The date this page is computed as of"><input type="hidden" name="ws" value="{{workspace}}"><label for="as-of">As of</label> <input id="as-of" type="date" name="as_of" value="{{asOf}}"> <button type="submit">Show</button></form>
        {{#page.empty}}
        <section class="empty">
          <h2>Not enough customers to find personas</h2>
          <p>Personas need at least 20 customers with orders ({{page.customers}} so far). Send <code>Order Completed</code>
          track events with a <code>userId</code> and <code>properties.revenue</code>, or import past orders:
          <code>beacon import orders orders.csv --workspace {{workspace}} --map customer_id=…,order_id=…,timestamp=…,price=…</code></p>
        </section>
        {{/page.empty}}
        {{#page.error}}<section class="empty" role="alert"><h2>Clustering failed</h2><p>{{page.error}}</p></section>{{/page.error}}
        {{^page.empty}}{{^page.error}}
        <p class="lede">As of {{page.asOf}}: {{page.customers}} customers in {{page.k}} clusters (k-means on recency, log orders and log spend; k chosen by the best mean silhouette).</p>
        <section aria-labelledby="personas"><h2 id="personas">Personas and what to do</h2>
          <div class="personas">{{#page.personas}}
            <article class="persona">
              <h3><svg class="swatch" width="14" height="14" aria-hidden="true"><rect width="14" height="14" fill="{{color}}"/></svg>{{label}}</h3>
              <div class="cards small">{{#kpis}}{{> kpi}}{{/kpis}}</div>
              <p class="action"><strong>Suggested action:</strong> {{action}}</p>
            </article>{{/page.personas}}
          </div>
          {{#page.personaTable}}{{> csvLink}}{{/page.personaTable}}
        </section>
        <section aria-labelledby="scatter"><h2 id="scatter">Clusters</h2>
          <figure>{{{page.scatter}}}</figure>
          <figure>{{{page.donut}}}</figure>
        </section>
        <section aria-labelledby="rfm"><h2 id="rfm">RFM segments</h2>
          {{#page.segments}}{{> dataTable}}{{/page.segments}}
        </section>
        {{/page.error}}{{/page.empty}}
        {{/content}}{{/layout}}
        """
}
