extension DashboardTemplates {
    /// Cohorts: the retention matrix by first-order month and each cohort's revenue per month.
    static let cohorts = """
        {{<layout}}{{$content}}
        <form class="inline" method="get" aria-label="The date this page is computed as of"><input type="hidden" name="ws" value="{{workspace}}"><label for="as-of">As of</label> <input id="as-of" type="date" name="as_of" value="{{asOf}}"> <button type="submit">Show</button></form>
        {{#page.empty}}
        <section class="empty">
          <h2>No purchases yet</h2>
          <p>Cohorts group customers by the month of their first purchase. Send <code>Order Completed</code> track events with <code>properties.revenue</code>, or import an order file.</p>
        </section>
        {{/page.empty}}
        {{^page.empty}}
        <p class="lede">{{page.summary}}</p>
        <p class="note">A customer's cohort is the month of their first purchase (an order with a positive net amount); they count in month M<var>k</var> when they buy in the <var>k</var>-th calendar month after it. Revenue is net of refunds. The same numbers as <code>beacon cohorts --workspace {{workspace}} --as-of {{page.asOf}}</code>. {{page.note}}</p>
        <section aria-labelledby="retention"><h2 id="retention">Retention by first-order month</h2>
          <div class="table-scroll"><table class="heat" id="retention-table"><caption>Share of each cohort buying in month M<var>k</var> after its first purchase; darker is higher (M0 is 100 % by definition)</caption>
            <thead><tr><th scope="col">Cohort</th><th scope="col" class="num">Customers</th><th scope="col" class="num">Revenue</th><th scope="col" class="num">Per customer</th>{{#page.offsets}}<th scope="col" class="num">{{.}}</th>{{/page.offsets}}</tr></thead>
            <tbody>{{#page.retention}}<tr><th scope="row">{{month}}</th><td class="num">{{customers}}</td><td class="num">{{revenue}}</td><td class="num">{{perCustomer}}</td>{{#cells}}<td class="num {{shade}}">{{text}}</td>{{/cells}}</tr>{{/page.retention}}</tbody>
          </table></div>
          {{#page.retentionTable}}{{> csvLink}}{{/page.retentionTable}}
        </section>
        <section aria-labelledby="cohort-revenue"><h2 id="cohort-revenue">Revenue per cohort and month</h2>
          <div class="table-scroll"><table class="heat" id="revenue-table"><caption>Net revenue of each cohort's customers in month M<var>k</var>; darker is more</caption>
            <thead><tr><th scope="col">Cohort</th><th scope="col" class="num">Customers</th>{{#page.offsets}}<th scope="col" class="num">{{.}}</th>{{/page.offsets}}</tr></thead>
            <tbody>{{#page.revenue}}<tr><th scope="row">{{month}}</th><td class="num">{{customers}}</td>{{#cells}}<td class="num {{shade}}">{{text}}</td>{{/cells}}</tr>{{/page.revenue}}</tbody>
          </table></div>
          {{#page.revenueTable}}{{> csvLink}}{{/page.revenueTable}}
        </section>
        {{/page.empty}}
        {{/content}}{{/layout}}
        """

    /// Paths: top paths to conversion with their credit, and the Sankey of touchpoints.
    static let paths = """
        {{<layout}}{{$content}}
        <form class="inline" method="get" aria-label="The date this page is computed as of"><input type="hidden" name="ws" value="{{workspace}}"><label for="as-of">As of</label> <input id="as-of" type="date" name="as_of" value="{{asOf}}"> <button type="submit">Show</button></form>
        {{#page.empty}}
        <section class="empty">
          <h2>No conversions yet</h2>
          <p>Paths need conversions and the touches before them: <code>Order Completed</code> track events and page views with utm parameters in <code>context.campaign</code> or a referrer.</p>
        </section>
        {{/page.empty}}
        {{#page.error}}<section class="empty" role="alert"><h2>Paths could not be computed</h2><p>{{page.error}}</p></section>{{/page.error}}
        {{^page.empty}}{{^page.error}}
        <p class="lede">{{page.summary}}</p>
        <p class="note">A journey is a person's sessions (30 minutes apart at most, a new campaign starts a new one) in the 30 days before an order, or after their last order for journeys without one; its path is the sessions' channels in order. The journeys are the Attribution page's.</p>
        <section aria-labelledby="sankey"><h2 id="sankey">Touchpoints to conversion</h2>
          <figure class="wide">{{{page.sankey}}}</figure>
        </section>
        <section aria-labelledby="top-paths"><h2 id="top-paths">Top paths to conversion</h2>
          <table id="paths-table"><caption>Paths by conversions. Shapley credit: each conversion's value split equally over the path's channels (these add up to the Shapley column of the Attribution page); Markov credit: split by the channels' removal effects.</caption>
            <thead><tr><th scope="col">Path</th><th scope="col" class="num">Journeys</th><th scope="col" class="num">Conversions</th><th scope="col" class="num">Rate</th><th scope="col" class="num">Value</th><th scope="col">Shapley credit</th><th scope="col">Markov credit</th></tr></thead>
            <tbody>{{#page.rows}}<tr><th scope="row">{{path}}</th><td class="num">{{journeys}}</td><td class="num">{{conversions}}</td><td class="num">{{rate}}</td><td class="num">{{value}}</td><td>{{shapley}}</td><td>{{markov}}</td></tr>{{/page.rows}}</tbody>
          </table>
          {{#page.table}}{{> csvLink}}{{/page.table}}
          {{#page.more}}<p class="note">{{page.more}}</p>{{/page.more}}
        </section>
        {{/page.error}}{{/page.empty}}
        {{/content}}{{/layout}}
        """
}
