using System.Net.Http.Json;
using System.Text.Json.Nodes;
using NUnit.Framework;
using Platform.Api.Tests.Infrastructure;

namespace Platform.Api.Tests;

public sealed class AdminApiTests : ApiTestBase
{
    [Test]
    public async Task SetRoles_by_an_admin_is_200_and_the_users_next_token_carries_the_role()
    {
        var email = $"future-agent-{Guid.NewGuid():N}@example.com";
        var (userId, _) = await SignUpAsync(email);
        var (_, otherToken) = await SignUpAsync();
        using (var other = Client(otherToken))
        {
            await CreateTicketAsync(other, "Someone else's ticket");
        }

        var (_, adminToken) = await AdminAsync();
        using var admin = Client(adminToken);

        var response = await admin.PutAsJsonAsync($"/api/v1/admin/users/{userId}/roles", new { roles = new[] { "agent" } });
        var body = await JsonAsync(response);
        Assert.Multiple(() =>
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(200), body.ToJsonString());
            Assert.That(IdOf(body), Is.EqualTo(userId));
            Assert.That(body["roles"]!.AsArray().Select(r => r!.GetValue<string>()), Is.EqualTo(new[] { "agent" }));
        });

        var newToken = await TokenAsync(email);
        using var agent = Client(newToken);
        var me = await JsonAsync(await agent.GetAsync("/api/v1/me"));
        var list = await JsonAsync(await agent.GetAsync("/api/v1/tickets"));
        Assert.Multiple(() =>
        {
            Assert.That(TokenPayload(newToken)["role"]?.ToJsonString(), Does.Contain("\"agent\""));
            Assert.That(me["roles"]!.AsArray().Select(r => r!.GetValue<string>()), Is.EqualTo(new[] { "agent" }));
            Assert.That(ItemsOf(list).Select(t => StringOf(t, "subject")), Does.Contain("Someone else's ticket"), "An agent sees every customer's tickets.");
        });
    }

    [Test]
    public async Task SetRoles_by_a_customer_is_403_auth_forbidden()
    {
        var victimEmail = $"victim-{Guid.NewGuid():N}@example.com";
        var (victimId, _) = await SignUpAsync(victimEmail);
        var (_, token) = await SignUpAsync();
        using var client = Client(token);

        var response = await client.PutAsJsonAsync($"/api/v1/admin/users/{victimId}/roles", new { roles = new[] { "admin" } });

        await AssertProblemAsync(response, 403, "auth.forbidden");

        // The refusal changed nothing: signed in afresh, the victim is still a plain customer.
        var freshToken = await TokenAsync(victimEmail);
        using var victim = Client(freshToken);
        var meResponse = await victim.GetAsync("/api/v1/me");
        var me = await JsonAsync(meResponse);
        Assert.Multiple(() =>
        {
            Assert.That((int)meResponse.StatusCode, Is.EqualTo(200), me.ToJsonString());
            Assert.That(IdOf(me), Is.EqualTo(victimId));
            Assert.That(me["roles"]!.AsArray().Select(r => r!.GetValue<string>()), Is.EqualTo(new[] { "customer" }), me.ToJsonString());
            Assert.That(TokenPayload(freshToken)["role"]?.ToJsonString(), Does.Not.Contain("\"admin\""));
        });
    }

    [Test]
    public async Task SetRoles_with_an_unknown_role_is_400_validation_failed_for_roles()
    {
        var (userId, _) = await SignUpAsync();
        var (_, adminToken) = await AdminAsync();
        using var admin = Client(adminToken);

        var response = await admin.PutAsJsonAsync($"/api/v1/admin/users/{userId}/roles", new { roles = new[] { "superuser" } });

        var problem = await AssertProblemAsync(response, 400, "validation.failed");
        Assert.That(problem["errors"]!.AsObject().Select(p => p.Key), Is.Not.Empty.And.All.StartsWith("roles"));
    }

    [Test]
    public async Task SetRoles_for_an_unknown_user_is_404_users_not_found()
    {
        var (_, adminToken) = await AdminAsync();
        using var admin = Client(adminToken);

        var response = await admin.PutAsJsonAsync($"/api/v1/admin/users/{Guid.CreateVersion7()}/roles", new { roles = new[] { "agent" } });

        await AssertProblemAsync(response, 404, "users.not_found");
    }

    [Test]
    public async Task Audit_lists_a_ticket_creation_with_its_actor_resource_and_the_request_id_of_the_creating_request()
    {
        var (customerId, token) = await SignUpAsync();
        using var customer = Client(token);
        customer.DefaultRequestHeaders.Add("X-Request-ID", "create-ticket-for-audit-1");
        var ticket = await CreateTicketAsync(customer);
        var (_, adminToken) = await AdminAsync();
        using var admin = Client(adminToken);

        var response = await admin.GetAsync("/api/v1/admin/audit");
        var page = await JsonAsync(response);
        var row = ItemsOf(page).SingleOrDefault(i => StringOf(i, "action") == "tickets.create");

        Assert.That((int)response.StatusCode, Is.EqualTo(200), page.ToJsonString());
        Assert.That(row, Is.Not.Null, page.ToJsonString());
        Assert.Multiple(() =>
        {
            Assert.That(row!["actor_id"]?.GetValue<Guid>(), Is.EqualTo(customerId));
            Assert.That(row["resource_type"]?.GetValue<string>(), Is.EqualTo("ticket"));
            Assert.That(row["resource_id"]?.GetValue<Guid>(), Is.EqualTo(IdOf(ticket)));
            Assert.That(row["request_id"]?.GetValue<string>(), Is.EqualTo("create-ticket-for-audit-1"));
            Assert.That(row["outcome"]?.GetValue<string>(), Is.EqualTo("succeeded"));
            Assert.That(row["changes"]?["subject"]?.GetValue<string>(), Is.EqualTo("Printer"));
        });
    }

    [Test]
    public async Task Audit_is_403_auth_forbidden_for_customers_and_agents()
    {
        var (_, customerToken) = await SignUpAsync();
        var (_, agentToken) = await SignUpAsync(role: "agent");
        using var customer = Client(customerToken);
        using var agent = Client(agentToken);

        await AssertProblemAsync(await customer.GetAsync("/api/v1/admin/audit"), 403, "auth.forbidden");
        await AssertProblemAsync(await agent.GetAsync("/api/v1/admin/audit"), 403, "auth.forbidden");
    }

    [Test]
    public async Task Audit_filtered_by_action_returns_only_that_action()
    {
        var (_, token) = await SignUpAsync();
        using var customer = Client(token);
        await CreateTicketAsync(customer, "One");
        await CreateTicketAsync(customer, "Two");
        var (_, adminToken) = await AdminAsync();
        using var admin = Client(adminToken);

        var all = await JsonAsync(await admin.GetAsync("/api/v1/admin/audit"));
        var filtered = await JsonAsync(await admin.GetAsync("/api/v1/admin/audit?action=tickets.create"));

        Assert.Multiple(() =>
        {
            Assert.That(ItemsOf(all).Select(i => StringOf(i, "action")), Does.Contain("users.register"), "precondition: other actions exist");
            Assert.That(ItemsOf(filtered).Select(i => StringOf(i, "action")), Is.EqualTo(new[] { "tickets.create", "tickets.create" }));
        });
    }

    [Test]
    public async Task Audit_filtered_by_actor_id_returns_only_that_actors_rows()
    {
        var (aliceId, aliceToken) = await SignUpAsync();
        var (_, bobToken) = await SignUpAsync();
        using (var alice = Client(aliceToken))
        {
            await CreateTicketAsync(alice, "Alice's");
        }

        using (var bob = Client(bobToken))
        {
            await CreateTicketAsync(bob, "Bob's");
        }

        var (_, adminToken) = await AdminAsync();
        using var admin = Client(adminToken);

        var filtered = await JsonAsync(await admin.GetAsync($"/api/v1/admin/audit?action=tickets.create&actor_id={aliceId}"));

        Assert.That(ItemsOf(filtered).Select(i => i!["actor_id"]?.GetValue<Guid>()), Is.EqualTo(new Guid?[] { aliceId }), filtered.ToJsonString());
    }

    [Test]
    public async Task Audit_pages_by_keyset_with_next_cursor_and_a_Link_rel_next_until_the_end()
    {
        var (_, token) = await SignUpAsync();
        using var customer = Client(token);
        for (var i = 0; i < 5; i++)
        {
            await CreateTicketAsync(customer, $"Ticket {i}");
        }

        var (_, adminToken) = await AdminAsync();
        using var admin = Client(adminToken);

        var seen = new List<Guid>();
        var url = "/api/v1/admin/audit?action=tickets.create&page_size=2";
        var pages = 0;
        while (url is not null && pages < 10)
        {
            var response = await admin.GetAsync(url);
            var page = await JsonAsync(response);
            Assert.That((int)response.StatusCode, Is.EqualTo(200), page.ToJsonString());
            pages++;
            seen.AddRange(ItemsOf(page).Select(IdOf));
            var next = StringOf(page, "next_cursor");
            var link = Header(response, "Link");
            Assert.Multiple(() =>
            {
                Assert.That(page.ContainsKey("total"), Is.False, "A keyset page has no total.");
                Assert.That(page["page_size"]?.GetValue<int>(), Is.EqualTo(2));
                Assert.That(link is not null, Is.EqualTo(next is not null), "Link rel=next is sent exactly when there is a next page.");
            });
            if (next is null)
            {
                break;
            }

            Assert.That(link, Does.EndWith("rel=\"next\"").And.Contain("cursor=" + Uri.EscapeDataString(next)));
            url = link![(link.IndexOf('<', StringComparison.Ordinal) + 1)..link.IndexOf('>', StringComparison.Ordinal)];
        }

        Assert.Multiple(() =>
        {
            Assert.That(pages, Is.EqualTo(3));
            Assert.That(seen, Has.Count.EqualTo(5).And.Unique);
        });
    }

    [Test]
    public async Task The_audit_log_never_contains_a_password_and_registration_rows_show_it_redacted()
    {
        await SignUpAsync($"audited-{Guid.NewGuid():N}@example.com");
        var (_, adminToken) = await AdminAsync();
        using var admin = Client(adminToken);

        var response = await admin.GetAsync("/api/v1/admin/audit?action=users.register");
        var text = await response.Content.ReadAsStringAsync();
        var rows = ItemsOf(JsonNode.Parse(text)!.AsObject());

        Assert.Multiple(() =>
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(200), text);
            Assert.That(rows, Has.Count.GreaterThanOrEqualTo(2));
            Assert.That(rows.Select(r => r!["changes"]?["password"]?.GetValue<string>()), Has.All.EqualTo("[redacted]"));
            Assert.That(text, Does.Not.Contain(Password));
        });
    }
}
