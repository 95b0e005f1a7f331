extension DashboardTemplates {
    /// The sign-in page: a standalone form (no navigation until signed in).
    static let login = """
        {{>head}}
        <body class="login">
        <main id="main" class="login-box">
        <h1>Beacon</h1>
        <p>Sign in to see your workspaces.</p>
        {{#error}}<p class="form-error" role="alert">{{error}}</p>{{/error}}
        <form method="post" action="/login">
          <input type="hidden" name="next" value="{{next}}">
          <label for="email">Email</label>
          <input id="email" name="email" type="email" autocomplete="username" required value="{{email}}" autofocus>
          <label for="password">Password</label>
          <input id="password" name="password" type="password" autocomplete="current-password" required>
          <button type="submit">Sign in</button>
        </form>
        {{#noUsers}}
        <section class="empty">
          <h2>No users yet</h2>
          <p>Create the first administrator on the server:</p>
          <pre><code>beacon user create --email you@example.com --name "Your Name" --admin</code></pre>
        </section>
        {{/noUsers}}
        </main>
        </body>
        </html>
        """
}
