extension DashboardTemplates {
    /// The visual rule builder: name and description, the rule tree (drawn by the script from
    /// `data-rule`), the live preview and save. Every value reaches the page escaped.
    static let segmentBuilder = """
        {{<layout}}{{$content}}
        <p class="lede">Combine conditions on traits, events, RFM segments and predictions. The count updates as you edit; nothing is saved until you press Save.</p>
        {{#page.isSystem}}<p class="note">This is a built-in segment: saving replaces its rule for this workspace.</p>{{/page.isSystem}}
        <form id="segment-builder" class="builder" data-ws="{{workspace}}" data-id="{{page.id}}" data-rule="{{page.rule}}" data-vocabulary="{{page.vocabulary}}" novalidate>
          <div class="sb-meta">
            <div><label for="sb-name">Name</label>
            <input id="sb-name" name="name" value="{{page.name}}" maxlength="200" required aria-describedby="sb-name-error">
            <p id="sb-name-error" class="sb-error" role="alert" hidden></p></div>
            <div><label for="sb-description">Description (optional)</label>
            <input id="sb-description" name="description" value="{{page.description}}" maxlength="1000"></div>
          </div>
          <h2 id="sb-rule-heading">Rule</h2>
          <div id="sb-tree" aria-labelledby="sb-rule-heading"></div>
          <noscript><p class="empty">The rule builder needs JavaScript. Segments can also be created with the API (<code>POST /api/segments</code>).</p></noscript>
          <section class="sb-preview" aria-labelledby="sb-preview-heading">
            <h2 id="sb-preview-heading">Preview</h2>
            <p id="sb-count" aria-live="polite">Add a condition to see how many profiles match.</p>
            <table id="sb-sample" hidden><caption>A sample of matching profiles</caption>
              <thead><tr><th scope="col">Name</th><th scope="col">Email</th><th scope="col" class="num">Lifetime value</th></tr></thead>
              <tbody></tbody></table>
          </section>
          <details><summary>Rule JSON</summary><pre id="sb-json"></pre></details>
          <p id="sb-form-error" class="sb-error" role="alert" hidden></p>
          <p class="sb-actions"><button type="submit" class="primary">Save segment</button> <a href="{{page.cancelHref}}">Cancel</a></p>
        </form>
        <datalist id="sb-trait-list"></datalist>
        <datalist id="sb-event-list"></datalist>
        {{/content}}{{/layout}}
        """
}
