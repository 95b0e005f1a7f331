extension DashboardTemplates {
    /// While the marketing-mix model fits: elapsed time, refreshed by the script until ready.
    static let fitting = """
        {{<layout}}{{$content}}
        <section class="empty" aria-live="polite">
          <h2>Fitting the marketing-mix model…</h2>
          <p><progress id="fit-progress" data-ws="{{page.workspace}}" aria-label="Model fitting"></progress>
          <span id="fit-status">{{page.seconds}} s so far</span></p>
          <p>Beacon searches each channel's carry-over and saturation (differential evolution, then a bootstrap for
          the intervals) on this workspace's daily ad spend, or on the TechStyle demo data set while it has too little. This page reloads itself when the fit is done.</p>
        </section>
        {{/content}}{{/layout}}
        """

    /// Channel deep dive.
    static let channels = """
        {{<layout}}{{$content}}
        <p class="lede">{{page.fitSummary}}</p>
        <p class="note{{#page.isDemo}} demo-data{{/page.isDemo}}">{{page.sourceNote}}</p>
        {{#page.hasWarnings}}<section class="caution" aria-labelledby="identification"><h2 id="identification">What the data cannot tell</h2>
          <ul>{{#page.warnings}}<li>{{.}}</li>{{/page.warnings}}</ul></section>{{/page.hasWarnings}}
        <section aria-labelledby="all"><h2 id="all">All channels</h2>
          <table id="table-channels"><caption>Marketing-mix model by channel (amounts per day unless stated; ROAS with its 90% interval)</caption>
            <thead><tr><th scope="col">Channel</th><th scope="col" class="num">Spend (modelled period)</th><th scope="col" class="num">Revenue (modelled period)</th>
            <th scope="col" class="num">ROAS</th><th scope="col" class="num">Marginal ROAS</th><th scope="col" class="num">Current /day</th>
            <th scope="col" class="num">Optimal /day</th><th scope="col" class="num">Marginal ROAS 1 at</th></tr></thead>
            <tbody>{{#page.rows}}<tr{{#selected}} class="current"{{/selected}}><th scope="row"><a href="{{href}}"{{#selected}} aria-current="true"{{/selected}}>{{name}}</a></th>
            <td class="num">{{spend}}</td><td class="num">{{revenue}}</td><td class="num">{{roas}}</td><td class="num">{{marginalROAS}}</td>
            <td class="num">{{current}}</td><td class="num">{{optimal}}</td><td class="num">{{diminishing}}</td></tr>{{/page.rows}}</tbody>
          </table>
          {{#page.table}}{{> csvLink}}{{/page.table}}
        </section>
        <section aria-labelledby="deep"><h2 id="deep">{{page.channel}}</h2>
          <p class="insight">{{page.advice}}</p>
          <figure>{{{page.curveChart}}}</figure>
          <figure>{{{page.timeChart}}}</figure>
          <p class="insight" id="effectiveness">{{page.effectivenessNote}}</p>
          {{#page.effectivenessChart}}<figure>{{{page.effectivenessChart}}}</figure>{{/page.effectivenessChart}}
          {{#page.seasonality}}<h3 id="seasonality">When {{name}} performs best</h3>
          <ul class="insight">{{#sentences}}<li>{{.}}</li>{{/sentences}}</ul>
          {{#tables}}<table><caption>{{caption}}</caption>
            <thead><tr><th scope="col">{{heading}}</th><th scope="col" class="num">Effectiveness (1 = average)</th><th scope="col" class="num">{{interval}}</th></tr></thead>
            <tbody>{{#rows}}<tr{{#stands}} class="current"{{/stands}}><th scope="row">{{label}}</th><td class="num">{{multiplier}}</td><td class="num">{{range}}</td></tr>{{/rows}}</tbody>
          </table>{{#table}}{{> csvLink}}{{/table}}{{/tables}}{{/page.seasonality}}
        </section>
        {{/content}}{{/layout}}
        """

    /// Budget optimiser and what-if sliders.
    static let optimiser = """
        {{<layout}}{{$content}}
        <p class="lede">The same budget, {{page.budget}} over the next 30 days, allocated to maximise the revenue the model expects.</p>
        <p class="note{{#page.isDemo}} demo-data{{/page.isDemo}}">{{page.sourceNote}}</p>
        <section aria-labelledby="plan"><h2 id="plan">Current against optimised allocation</h2>
          <table id="table-plan"><caption>30-day plan (spend and modelled revenue from media)</caption>
            <thead><tr><th scope="col">Channel</th><th scope="col" class="num">Current spend</th><th scope="col" class="num">Optimised spend</th><th scope="col" class="num">Change</th>
            <th scope="col" class="num">Revenue now</th><th scope="col" class="num">Revenue optimised</th><th scope="col" class="num">Marginal ROAS</th></tr></thead>
            <tbody>{{#page.lines}}<tr><th scope="row">{{name}}{{#caution}}<br><small class="caution">{{caution}}</small>{{/caution}}</th><td class="num">{{current}}</td><td class="num">{{optimised}}</td><td class="num">{{change}}</td>
            <td class="num">{{currentRevenue}}</td><td class="num">{{optimisedRevenue}}</td><td class="num">{{marginalROAS}}</td></tr>{{/page.lines}}</tbody>
            <tfoot><tr><th scope="row">Total</th><td class="num">{{page.budget}}</td><td class="num">{{page.budget}}</td><td></td><td class="num">{{page.currentRevenue}}</td><td class="num">{{page.optimisedRevenue}}</td><td class="num">{{page.roas}} ROAS</td></tr></tfoot>
          </table>
          {{#page.table}}{{> csvLink}}{{/page.table}}
          <p class="insight">Projected lift: {{page.lift}}.</p>
        </section>
        <section aria-labelledby="whatif"><h2 id="whatif">What if…</h2>
          <p class="note">Move a slider (daily spend per channel); the projection for the next 30 days updates as you go.</p>
          <form id="whatif-form" data-ws="{{workspace}}" data-currency="{{page.currency.symbol}}">
            {{#page.lines}}<div class="slider"><label for="spend-{{index}}">{{name}}</label>
              <input type="range" id="spend-{{index}}" name="{{name}}" min="0" max="{{sliderMax}}" step="{{sliderStep}}" value="{{sliderValue}}" data-channel="{{name}}">
              <output for="spend-{{index}}" id="out-{{index}}">{{sliderText}}/day</output></div>{{/page.lines}}
          </form>
          <div class="cards" id="whatif-result" aria-live="polite">
            <div class="card"><div class="label">Spend (30 days)</div><div class="value" id="wi-spend">–</div></div>
            <div class="card"><div class="label">Revenue from media</div><div class="value" id="wi-media">–</div><div class="note" id="wi-media-range"></div></div>
            <div class="card"><div class="label">Media ROAS</div><div class="value" id="wi-roas">–</div></div>
            <div class="card"><div class="label">Against current allocation</div><div class="value" id="wi-delta">–</div></div>
          </div>
        </section>
        {{#page.forecast}}<section aria-labelledby="forecast"><h2 id="forecast">Forecast</h2>
          <p class="insight">{{summary}}</p>
          <figure>{{{chart}}}</figure>
          <p class="note">{{backtestNote}}</p>
          {{#hasBacktest}}{{#table}}{{> dataTable}}{{/table}}{{/hasBacktest}}
        </section>{{/page.forecast}}
        {{/content}}{{/layout}}
        """
}
