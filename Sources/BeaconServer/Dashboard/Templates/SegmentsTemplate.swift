extension DashboardTemplates {
    /// Segments: list with live sizes and the overlap heat-map.
    static let segments = """
        {{<layout}}{{$content}}
        <p class="sb-actions"><a class="button primary" href="{{page.newHref}}">New segment</a></p>
        {{#page.empty}}<section class="empty"><h2>No segments yet</h2><p>Build one with <a href="{{page.newHref}}">the rule builder</a>, or create one with the API:
        <code>curl -H "Authorization: Bearer $TOKEN" -d '{"name":"Big spenders","rule":{"lifetime_value":{"gt":500}}}' …/api/segments</code>
        (a token comes from <code>beacon token create --workspace {{workspace}}</code>).</p></section>{{/page.empty}}
        {{^page.empty}}
        <p class="lede">{{page.profiles}} profiles. Sizes are live: memberships update as events arrive.</p>
        <table><caption>Segments, largest first</caption>
          <thead><tr><th scope="col">Segment</th><th scope="col" class="num">Members</th><th scope="col" class="num">Share</th><th scope="col">Rule</th><th scope="col">Kind</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead>
          <tbody>{{#page.rows}}<tr><th scope="row"><a href="{{href}}">{{name}}</a><div class="note">{{description}}</div></th><td class="num">{{size}}</td><td class="num">{{share}}</td><td><code>{{rule}}</code></td><td>{{kind}}</td><td><a href="{{editHref}}" aria-label="Edit {{name}}">Edit</a></td></tr>{{/page.rows}}</tbody>
        </table>
        {{#page.table}}{{> csvLink}}{{/page.table}}
        {{#page.overlap}}<section aria-labelledby="overlap"><h2 id="overlap">Overlap</h2><figure class="wide">{{{page.overlap}}}</figure></section>{{/page.overlap}}
        {{/page.empty}}
        {{/content}}{{/layout}}
        """
}
