extension DashboardTemplates {
    /// People of one workspace (its admins and owners): roles and the personal-data permission.
    static let people = """
        {{<layout}}{{$content}}
        <p class="lede">Who may do what in this workspace. Owners and admins give roles up to their own; the personal-data permission shows emails, names and traits unmasked and is given only by someone who holds it.</p>
        {{#page.notice}}<p class="insight" role="status">{{page.notice}}</p>{{/page.notice}}
        {{#page.error}}<p class="form-error" role="alert">{{page.error}}</p>{{/page.error}}
        <section aria-labelledby="people"><h2 id="people">People</h2>
          {{#page.table}}{{> dataTable}}{{/page.table}}
        </section>
        <section aria-labelledby="give"><h2 id="give">Give a role</h2>
          <form class="stacked" method="post" action="/dashboard/people{{page.query}}">
            <label for="role-email">Email of a dashboard user</label>
            <input id="role-email" name="email" type="email" required autocomplete="off" value="{{page.draftEmail}}">
            <label for="role-role">Role</label>
            <select id="role-role" name="role">{{#page.grantable}}<option>{{.}}</option>{{/page.grantable}}</select>
            {{#page.mayGrantPersonalData}}<label><input type="checkbox" name="personalData" value="on"> Show personal data unmasked</label>{{/page.mayGrantPersonalData}}
            <button type="submit">Save role</button>
          </form>
        </section>
        {{/content}}{{/layout}}
        """
}
