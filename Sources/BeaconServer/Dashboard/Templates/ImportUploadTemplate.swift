extension DashboardTemplates {
    /// The answer to a file uploaded on the data page: the import's report, or why nothing was stored.
    static let importUpload = """
        {{<layout}}{{$content}}
        <section aria-labelledby="upload-heading" role="status">
          <h2 id="upload-heading">{{#page.stored}}Imported {{page.file}}{{/page.stored}}{{^page.stored}}Nothing imported from {{page.file}}{{/page.stored}}</h2>
          <p id="upload-summary">{{page.summary}}</p>
          {{#page.hasProblems}}<ul id="upload-problems">{{#page.problems}}<li>{{.}}</li>{{/page.problems}}</ul>{{/page.hasProblems}}
          <p><a href="/dashboard/data{{query}}#imports-heading">Back to the data page</a></p>
        </section>
        {{/content}}{{/layout}}
        """
}
