extension DashboardTemplates {
    /// Attribution comparison: models side by side per channel, Markov removal effects and transitions.
    static let attribution = """
        {{<layout}}{{$content}}
        {{#page.empty}}
        <section class="empty">
          <h2>Nothing to attribute yet</h2>
          <p>Attribution needs conversions and the touches before them. Send <code>Order Completed</code> track events
          (with <code>properties.revenue</code>) and page views carrying utm parameters in <code>context.campaign</code>
          (<code>source</code>, <code>medium</code>, <code>name</code>) or a referrer — the Segment SDKs do this on their own.</p>
        </section>
        {{/page.empty}}
        {{#page.error}}<section class="empty" role="alert"><h2>Attribution could not run</h2><p>{{page.error}}</p></section>{{/page.error}}
        {{^page.empty}}{{^page.error}}
        <p class="lede">{{page.summary}}</p>
        {{#page.caution}}<p class="caution" role="note">{{page.caution}}</p>{{/page.caution}}
        <section aria-labelledby="by-model"><h2 id="by-model">Credited revenue by model</h2>
          <figure>{{{page.chart}}}</figure>
          {{#page.credit}}{{> dataTable}}{{/page.credit}}
          <p id="credits-check" class="{{#page.creditsOff}}caution{{/page.creditsOff}}{{^page.creditsOff}}note{{/page.creditsOff}}">{{page.creditsCheck}}</p>
        </section>
        <section aria-labelledby="markov"><h2 id="markov">Markov chain</h2>
          <p class="note">Removal effect: the share of conversions lost if the channel were taken out of every journey.</p>
          {{#page.effects}}{{> dataTable}}{{/page.effects}}
          {{#page.graph}}<figure class="wide">{{{page.graph}}}</figure>{{/page.graph}}
          <figure class="wide">{{{page.heatmap}}}</figure>
        </section>
        {{/page.error}}{{/page.empty}}
        {{/content}}{{/layout}}
        """
}
