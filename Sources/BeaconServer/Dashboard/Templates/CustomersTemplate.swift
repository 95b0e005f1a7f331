extension DashboardTemplates {
    /// Customers: search and one unified profile.
    static let customers = """
        {{<layout}}{{$content}}
        <form class="search" method="get" action="/dashboard/customers" role="search">
          <input type="hidden" name="ws" value="{{workspace}}">
          <label for="q">Find a customer (email, name, user id)</label>
          <input id="q" name="q" type="search" value="{{page.query}}" autocomplete="off">
          <button type="submit">Search</button>
        </form>
        <p class="note">{{page.total}} profiles in this workspace.</p>
        {{#page.noResults}}<p class="empty">No profile matches “{{page.query}}”. Profiles appear when events with a <code>userId</code>, <code>anonymousId</code> or an email trait arrive; search by the start of an email, name or id.</p>{{/page.noResults}}
        {{#page.hasResults}}
        <table><caption>Profiles</caption>
          <thead><tr><th scope="col">Name</th><th scope="col">Email</th><th scope="col" class="num">Lifetime value</th><th scope="col" class="num">Orders</th><th scope="col">Last seen</th></tr></thead>
          <tbody>{{#page.results}}<tr><th scope="row"><a href="{{href}}">{{name}}</a></th><td>{{email}}</td><td class="num">{{ltv}}</td><td class="num">{{orders}}</td><td>{{lastSeen}}</td></tr>{{/page.results}}</tbody>
        </table>
        {{/page.hasResults}}
        {{#page.health}}
        <section aria-labelledby="health"><h2 id="health">Customer health</h2>
          <form class="inline" method="get" aria-label="The date this page is computed as of"><input type="hidden" name="ws" value="{{workspace}}"><label for="as-of">As of</label> <input id="as-of" type="date" name="as_of" value="{{asOf}}"> <button type="submit">Show</button></form>
          <p class="note">As of {{asOf}}: {{scored}} customers with a purchase, banded by their RFM segment.</p>
          <figure>{{{donut}}}</figure>
          {{#table}}{{> dataTable}}{{/table}}
        </section>
        {{/page.health}}
        {{#page.detail}}
        <section aria-labelledby="profile"><h2 id="profile">{{title}}</h2>
          <div class="cards">{{#kpis}}{{> kpi}}{{/kpis}}</div>
          <p class="insight"><strong>Next best action:</strong> {{nextAction}}</p>
          {{#recommendations}}
          <h3 id="recommended-products">Recommended products</h3>
          <p class="note">{{note}}</p>
          {{#empty}}<p class="empty">No products to recommend yet: recommendations come from orders that list their products.</p>{{/empty}}
          {{^empty}}<table class="recommended"><caption>Bought with what this customer bought, as of {{asOf}}</caption>
          <thead><tr><th scope="col" class="num">#</th><th scope="col">Product</th><th scope="col">Item</th><th scope="col" class="num">Score</th></tr></thead>
          <tbody>{{#rows}}<tr><td class="num">{{rank}}</td><th scope="row">{{name}}</th><td>{{item}}</td><td class="num">{{score}}</td></tr>{{/rows}}</tbody></table>{{/empty}}
          {{/recommendations}}
          <h3>Traits</h3>
          <table><thead><tr><th scope="col">Trait</th><th scope="col">Value</th><th scope="col">Source, updated</th></tr></thead>
          <tbody>{{#traits}}<tr><th scope="row">{{key}}</th><td>{{value}}</td><td>{{note}}</td></tr>{{/traits}}</tbody></table>
          <h3>Identifiers</h3>
          <ul>{{#identifiers}}<li>{{key}}: {{value}}</li>{{/identifiers}}</ul>
          <h3>Latest events</h3>
          <table class="events"><thead><tr><th scope="col">#</th><th scope="col">Time (UTC)</th><th scope="col">Type</th><th scope="col">Event / name</th></tr></thead>
          <tbody>{{#timeline}}<tr><td class="num">{{sequence}}</td><td>{{time}}</td><td>{{type}}</td><td>{{name}}</td></tr>{{/timeline}}</tbody></table>
          {{#audit}}
          <h3 id="audit-trail">Who read or changed this profile</h3>
          {{#empty}}<p class="note">No one yet (this view is the first entry).</p>{{/empty}}
          {{^empty}}<table class="audit"><caption>Audit log, newest first (<code>beacon audit log</code> for more)</caption>
          <thead><tr><th scope="col">#</th><th scope="col">Time (UTC)</th><th scope="col">Who</th><th scope="col">What</th><th scope="col">Detail</th></tr></thead>
          <tbody>{{#rows}}<tr><td class="num">{{sequence}}</td><td>{{time}}</td><td>{{actor}}</td><td>{{action}}</td><td>{{detail}}</td></tr>{{/rows}}</tbody></table>{{/empty}}
          {{/audit}}
        </section>
        {{/page.detail}}
        {{/content}}{{/layout}}
        """
}
