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
        {{#page.profilesTable}}{{> dataTable}}{{/page.profilesTable}}
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
          {{/recommendations}}
          {{#recommendedTable}}{{> dataTable}}{{/recommendedTable}}
          <h3>Traits</h3>
          {{#traitsTable}}{{> dataTable}}{{/traitsTable}}
          <h3>Identifiers</h3>
          <ul>{{#identifiers}}<li>{{key}}: {{value}}</li>{{/identifiers}}</ul>
          <h3>Latest events</h3>
          {{#eventsTable}}{{> dataTable}}{{/eventsTable}}
          {{#audit}}
          <h3 id="audit-trail">Who read or changed this profile</h3>
          {{#empty}}<p class="note">No one yet (this view is the first entry).</p>{{/empty}}
          {{/audit}}
          {{#auditTable}}{{> dataTable}}{{/auditTable}}
        </section>
        {{/page.detail}}
        {{/content}}{{/layout}}
        """
}
