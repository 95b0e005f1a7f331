extension DashboardTemplates {
    /// Users (administrators only): list, add, grant/revoke workspaces, remove.
    static let users = """
        {{<layout}}{{$content}}
        <p class="lede">People who can sign in to this dashboard. Administrators see every workspace; members see the workspaces granted to them.</p>
        {{#page.notice}}<p class="insight" role="status">{{page.notice}}</p>{{/page.notice}}
        {{#page.error}}<p class="form-error" role="alert">{{page.error}}</p>{{/page.error}}
        <section aria-labelledby="people"><h2 id="people">Users</h2>
          <table><caption>Everyone with a dashboard sign-in</caption>
            <thead><tr><th scope="col">Email</th><th scope="col">Name</th><th scope="col">Role</th><th scope="col">Workspaces</th><th scope="col">Since</th><th scope="col">Actions</th></tr></thead>
            <tbody>{{#page.rows}}<tr{{#isSelf}} class="current"{{/isSelf}}><th scope="row">{{email}}</th><td>{{name}}</td><td>{{role}}</td>
            <td>{{#isAdmin}}all{{/isAdmin}}{{^isAdmin}}{{#grants}}<form class="inline" method="post" action="/dashboard/users/revoke">
              <input type="hidden" name="user" value="{{id}}"><input type="hidden" name="workspace" value="{{workspace}}">
              {{workspace}} <button type="submit" class="secondary" aria-label="Revoke {{workspace}} from {{email}}">×</button></form>{{/grants}}
              {{^hasGrants}}<span class="note">none yet</span>{{/hasGrants}}{{/isAdmin}}</td>
            <td>{{created}}</td>
            <td>{{#canGrant}}<form class="inline" method="post" action="/dashboard/users/grant">
              <input type="hidden" name="user" value="{{id}}">
              <label class="sr" for="grant-{{id}}">Workspace to grant {{email}}</label>
              <select id="grant-{{id}}" name="workspace">{{#grantable}}<option>{{.}}</option>{{/grantable}}</select>
              <button type="submit" class="secondary">Grant</button></form>{{/canGrant}}
              {{^isSelf}}<form class="inline" method="post" action="/dashboard/users/delete">
              <input type="hidden" name="user" value="{{id}}">
              <button type="submit" class="secondary" aria-label="Remove {{email}}">Remove</button></form>{{/isSelf}}</td></tr>{{/page.rows}}</tbody>
          </table>
          {{#page.table}}{{> csvLink}}{{/page.table}}
        </section>
        <section aria-labelledby="add"><h2 id="add">Add a user</h2>
          <form class="stacked" method="post" action="/dashboard/users">
            <label for="new-email">Email</label>
            <input id="new-email" name="email" type="email" required autocomplete="off" value="{{page.draftEmail}}">
            <label for="new-name">Name</label>
            <input id="new-name" name="name" required value="{{page.draftName}}">
            <label for="new-role">Role</label>
            <select id="new-role" name="role"><option value="member">Member: sees granted workspaces</option><option value="admin">Administrator: sees everything, manages users</option></select>
            <label for="new-password">Initial password (at least 10 characters; tell it to them privately)</label>
            <input id="new-password" name="password" type="password" required minlength="10" autocomplete="new-password">
            <fieldset><legend>Workspaces a member may see</legend>
              {{#page.workspaces}}<label><input type="checkbox" name="workspaces[]" value="{{name}}"> {{name}}</label>{{/page.workspaces}}
            </fieldset>
            <button type="submit">Add user</button>
          </form>
        </section>
        {{/content}}{{/layout}}
        """

    /// The signed-in user's account: change password.
    static let account = """
        {{<layout}}{{$content}}
        <p class="lede">Signed in as {{page.name}} ({{page.email}}), {{page.role}}.</p>
        {{#page.error}}<p class="form-error" role="alert">{{page.error}}</p>{{/page.error}}
        <section aria-labelledby="pw"><h2 id="pw">Change password</h2>
          <form class="stacked" method="post" action="/dashboard/account/password">
            <label for="current">Current password</label>
            <input id="current" name="current" type="password" required autocomplete="current-password">
            <label for="new">New password (at least 10 characters)</label>
            <input id="new" name="password" type="password" required minlength="10" autocomplete="new-password">
            <label for="repeat">New password again</label>
            <input id="repeat" name="repeat" type="password" required minlength="10" autocomplete="new-password">
            <button type="submit">Change password</button>
          </form>
          <p class="note">Changing it signs you out everywhere, this browser included.</p>
        </section>
        {{/content}}{{/layout}}
        """
}
