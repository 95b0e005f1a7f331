extension DashboardTemplates {
    /// One segment: KPIs, size over time, revenue share, overlap, sample members, CSV export.
    static let segmentDetail = """
        {{<layout}}{{$content}}
        <p class="lede">{{page.description}}</p>
        <p class="sb-actions"><a class="button primary" href="{{page.editHref}}">Edit rule</a> <a class="button" href="/dashboard/destinations{{query}}&amp;segment={{page.id}}#activate-heading">Activate</a> <a href="/dashboard/segments{{query}}">All segments</a></p>
        <p class="note">{{page.kind}} segment · rule <code>{{page.rule}}</code></p>
        <div class="cards">{{#page.kpis}}{{> kpi}}{{/page.kpis}}</div>
        <section aria-labelledby="size-heading"><h2 id="size-heading">Size over time</h2>
        {{#page.hasSizeChart}}<figure class="wide">{{{page.sizeChart}}}<figcaption>{{page.sizeNote}}</figcaption></figure>{{/page.hasSizeChart}}
        {{^page.hasSizeChart}}<p class="empty">Not enough history yet: no profile was seen before the last week, and the segment has changed on fewer than two days.</p>{{/page.hasSizeChart}}
        </section>
        <section aria-labelledby="revenue-heading"><h2 id="revenue-heading">Revenue share</h2>
        {{#page.hasRevenueChart}}<figure>{{{page.revenueChart}}}</figure>{{/page.hasRevenueChart}}
        {{^page.hasRevenueChart}}<p class="empty">No revenue in this workspace yet: orders arrive as <code>Order Completed</code> events.</p>{{/page.hasRevenueChart}}
        </section>
        <section aria-labelledby="overlap-heading"><h2 id="overlap-heading">Overlap with other segments</h2>
        {{#page.hasOverlap}}
        <table><caption>Segments sharing members with this one, most shared first</caption>
          <thead><tr><th scope="col">Segment</th><th scope="col" class="num">Shared members</th><th scope="col" class="num">Share of this segment</th><th scope="col" class="num">Share of that segment</th><th scope="col" class="num">Jaccard index</th></tr></thead>
          <tbody>{{#page.overlap}}<tr><th scope="row"><a href="{{href}}">{{name}}</a></th><td class="num">{{both}}</td><td class="num">{{shareOfThis}}</td><td class="num">{{shareOfOther}}</td><td class="num">{{jaccard}}</td></tr>{{/page.overlap}}</tbody>
        </table>
        {{#page.overlapTable}}{{> csvLink}}{{/page.overlapTable}}
        {{/page.hasOverlap}}
        {{^page.hasOverlap}}<p class="empty">No other segment shares a member with this one.</p>{{/page.hasOverlap}}
        </section>
        <section aria-labelledby="members-heading"><h2 id="members-heading">Members</h2>
        {{#page.hasMembers}}
        <table><caption>The first members by profile id</caption>
          <thead><tr><th scope="col">Name</th><th scope="col">Email</th><th scope="col" class="num">Lifetime value</th><th scope="col" class="num">Orders</th></tr></thead>
          <tbody>{{#page.members}}<tr><th scope="row"><a href="{{href}}">{{name}}</a></th><td>{{email}}</td><td class="num">{{ltv}}</td><td class="num">{{orders}}</td></tr>{{/page.members}}</tbody>
        </table>
        {{/page.hasMembers}}
        {{^page.hasMembers}}<p class="empty">No profile matches this rule yet. <a href="{{page.editHref}}">Edit the rule</a> and watch the live count.</p>{{/page.hasMembers}}
        </section>
        <section aria-labelledby="export-heading"><h2 id="export-heading">Export</h2>
        <form class="export" method="get" action="{{page.exportAction}}">
          <input type="hidden" name="ws" value="{{workspace}}">
          <fieldset class="sb-rfm"><legend>Traits to include as columns (the profile id is always the first)</legend>
          {{#page.traits}}<span class="sb-check"><input type="checkbox" id="{{inputId}}" name="traits" value="{{name}}"{{#checked}} checked{{/checked}}><label for="{{inputId}}">{{name}}</label></span>{{/page.traits}}
          </fieldset>
          <p><button type="submit" class="primary">Download CSV</button></p>
        </form>
        </section>
        {{/content}}{{/layout}}
        """
}
