extension DashboardTemplates {
    /// The document head every page shares (the layout and the sign-in page): `title` names the page.
    static let head = """
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{title}} · Beacon</title>
        <link rel="stylesheet" href="/dashboard/assets/dashboard.css">
        <link rel="icon" href="data:,">
        </head>
        """

    /// The page frame every dashboard page extends: skip link, navigation with the current
    /// page marked, the workspace switcher and a `content` block. Mustache's `{{…}}` escapes
    /// every value; only `{{{…}}}` chart SVG (escaped when drawn) is inserted raw.
    static let layout = """
        {{>head}}
        <body>
        <a class="skip" href="#main">Skip to content</a>
        <header class="top">
          <a class="brand" href="/dashboard{{query}}">Beacon</a>
          <nav aria-label="Dashboard pages">
            <ul>{{#nav}}<li><a href="{{href}}"{{#current}} aria-current="page"{{/current}}>{{label}}</a></li>{{/nav}}</ul>
          </nav>
          {{#hasWorkspaces}}
          <form class="switcher" method="get" action="{{path}}">
            <label for="ws">Workspace</label>
            <select id="ws" name="ws" data-autosubmit>{{#workspaces}}<option value="{{name}}"{{#selected}} selected{{/selected}}>{{name}}</option>{{/workspaces}}</select>
            <button type="submit" class="secondary">Switch</button>
          </form>
          {{/hasWorkspaces}}
          {{#userName}}
          <form class="signout" method="post" action="/logout">
            <a class="who" href="/dashboard/account{{query}}" title="{{userEmail}}: account">{{userName}}</a>
            {{#isAdmin}}<a href="/dashboard/users{{query}}">Users</a>{{/isAdmin}}
            <button type="submit" class="secondary">Sign out</button>
          </form>
          {{/userName}}
        </header>
        <main id="main">
        <h1>{{title}}</h1>
        {{$content}}{{/content}}
        </main>
        <footer>Beacon · data as of {{asOf}}</footer>
        <script src="/dashboard/assets/dashboard.js"></script>
        </body>
        </html>
        """

    /// The page shown when there is no workspace at all.
    static let noWorkspace = """
        {{<layout}}{{$content}}
        <section class="empty">
          <h2>No workspace yet</h2>
          <p>Beacon keeps each shop's data in a workspace. Create one and send it events:</p>
          <pre><code>beacon workspace create shop     # prints a write key
        beacon demo                      # or: a demo workspace with a year of seeded data</code></pre>
          <p>Then reload this page.</p>
        </section>
        {{/content}}{{/layout}}
        """

    /// A page-level error (unknown channel, a fit that failed) with what to do about it.
    static let message = """
        {{<layout}}{{$content}}
        <section class="empty" role="alert">
          <h2>{{page.heading}}</h2>
          <p>{{page.text}}</p>
          {{#page.linkHref}}<p><a href="{{page.linkHref}}">{{page.linkLabel}}</a></p>{{/page.linkHref}}
        </section>
        {{/content}}{{/layout}}
        """
}
