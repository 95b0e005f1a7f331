extension DashboardTemplates {
    /// Feedback: NPS, CSAT and review scores with intervals per month, text sentiment, detractor topics.
    static let feedback = """
        {{<layout}}{{$content}}
        <form class="inline" method="get" aria-label="The date this page is computed as of"><input type="hidden" name="ws" value="{{workspace}}"><label for="as-of">As of</label> <input id="as-of" type="date" name="as_of" value="{{asOf}}"> <button type="submit">Show</button></form>
        {{#page.empty}}
        <section class="empty">
          <h2>No feedback yet</h2>
          <p>Send <code>Survey Responded</code> track events with <code>properties.survey_type</code> (<code>nps</code> or <code>csat</code>), <code>properties.score</code> and an optional <code>properties.comment</code>, or <code>Review Submitted</code> with <code>properties.rating</code> (1–5) and <code>properties.review_body</code>.</p>
        </section>
        {{/page.empty}}
        {{^page.empty}}
        <p class="lede">As of {{page.asOf}}. NPS = % promoters (9–10) − % detractors (0–6); CSAT = % of answers 4–5; intervals are 95 %.</p>
        <div class="cards">{{#page.kpis}}{{> kpi}}{{/page.kpis}}</div>
        <section aria-labelledby="periods"><h2 id="periods">By month</h2>
          <table id="table-months"><caption>Feedback per month, newest first</caption>
            <thead><tr><th scope="col">Month</th><th scope="col" class="num">NPS answers</th><th scope="col" class="num">NPS [95 %]</th><th scope="col" class="num">CSAT answers</th><th scope="col" class="num">CSAT [95 %]</th><th scope="col" class="num">Reviews</th><th scope="col" class="num">Texts</th><th scope="col" class="num">Sentiment</th></tr></thead>
            <tbody>{{#page.rows}}<tr><th scope="row">{{period}}</th><td class="num">{{npsResponses}}</td><td class="num">{{nps}}</td><td class="num">{{csatResponses}}</td><td class="num">{{csat}}</td><td class="num">{{reviews}}</td><td class="num">{{texts}}</td><td class="num">{{sentiment}}</td></tr>{{/page.rows}}</tbody>
          </table>
          {{#page.monthTable}}{{> csvLink}}{{/page.monthTable}}
        </section>
        {{#page.repurchase.0}}<section aria-labelledby="repurchase"><h2 id="repurchase">Do detractors order again?</h2>
          <table id="table-repurchase"><caption>Share of NPS answers followed by an order within {{page.repurchaseWindow}} days (answers whose window has closed); 95 % Wilson intervals</caption>
            <thead><tr><th scope="col">Group</th><th scope="col" class="num">Answers</th><th scope="col" class="num">Ordered again</th></tr></thead>
            <tbody>{{#page.repurchase}}<tr><th scope="row">{{group}}</th><td class="num">{{answers}}</td><td class="num">{{rate}}</td></tr>{{/page.repurchase}}</tbody>
          </table>
          {{#page.repurchaseTable}}{{> csvLink}}{{/page.repurchaseTable}}
        </section>{{/page.repurchase.0}}
        <section aria-labelledby="topics"><h2 id="topics">What unhappy customers talk about</h2>
          {{#page.terms.0}}<table id="table-detractor_terms"><caption>Words of detractors' and 1–2 star texts ranked by weighted log-odds against the other texts (Monroe, Colaresi &amp; Quinn 2008); z above 1.96</caption>
            <thead><tr><th scope="col">Word</th><th scope="col" class="num">Times</th><th scope="col" class="num">z</th></tr></thead>
            <tbody>{{#page.terms}}<tr><th scope="row">{{word}}</th><td class="num">{{count}}</td><td class="num">{{z}}</td></tr>{{/page.terms}}</tbody>
          </table>{{#page.termTable}}{{> csvLink}}{{/page.termTable}}{{/page.terms.0}}
          {{^page.terms}}<p>No word sets unhappy answers apart yet.</p>{{/page.terms}}
        </section>
        {{/page.empty}}
        {{/content}}{{/layout}}
        """
}
