extension DashboardTemplates {
    /// One `DashboardTable.View` as an HTML table with its "Download CSV" link (the page's
    /// `download` base and the table's id), or the table's empty message when it has no rows.
    static let dataTable = """
        {{#emptyMessage}}<p class="empty">{{.}}</p>{{/emptyMessage}}{{^emptyMessage}}
        <table id="table-{{id}}"><caption>{{caption}}</caption>
          <thead><tr>{{#headers}}<th scope="col"{{#num}} class="num"{{/num}}>{{title}}</th>{{/headers}}</tr></thead>
          <tbody>{{#rows}}<tr><th scope="row">{{#href}}<a href="{{href}}">{{head}}</a>{{/href}}{{^href}}{{head}}{{/href}}</th>{{#cells}}<td{{#num}} class="num"{{/num}}>{{text}}</td>{{/cells}}</tr>{{/rows}}</tbody>
        </table>
        {{> csvLink}}{{/emptyMessage}}
        """

    /// The "Download CSV" link of the table `id` in context.
    static let csvLink = """
        <p class="download"><a href="{{download}}&amp;table={{id}}" download>Download CSV</a></p>
        """
}
