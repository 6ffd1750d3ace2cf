using System.Net.Http.Json;
using System.Text.Json.Nodes;
using NUnit.Framework;
using Platform.Api.Tests.Infrastructure;

namespace Platform.Api.Tests;

public sealed class TicketsApiTests : ApiTestBase
{
    [Test]
    public async Task Create_returns_201_with_Location_ETag_v1_and_the_defaults()
    {
        var (customerId, token) = await SignUpAsync();
        using var client = Client(token);

        var response = await client.PostAsync("/api/v1/tickets", JsonBody("""{"subject":"  Printer  ","body":"On fire"}"""));
        var body = await JsonAsync(response);

        Assert.Multiple(() =>
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(201), body.ToJsonString());
            Assert.That(response.Headers.Location?.ToString(), Is.EqualTo($"/api/v1/tickets/{IdOf(body)}"));
            Assert.That(response.Headers.ETag?.ToString(), Is.EqualTo("\"v1\""));
            Assert.That(StringOf(body, "subject"), Is.EqualTo("Printer"));
            Assert.That(StringOf(body, "body"), Is.EqualTo("On fire"));
            Assert.That(StringOf(body, "status"), Is.EqualTo("open"));
            Assert.That(StringOf(body, "priority"), Is.EqualTo("normal"));
            Assert.That(body["requester_id"]?.GetValue<Guid>(), Is.EqualTo(customerId));
            Assert.That(body.ContainsKey("assignee_id") && body["assignee_id"] is null, Is.True, "assignee_id is present and null");
            Assert.That(body["version"]?.GetValue<int>(), Is.EqualTo(1));
            Assert.That(StringOf(body, "updated_at"), Is.EqualTo(StringOf(body, "created_at")));
        });
    }

    [Test]
    public async Task Create_with_a_priority_is_stored_with_that_priority()
    {
        var (_, token) = await SignUpAsync();
        using var client = Client(token);

        var created = await CreateTicketAsync(client, priority: "urgent");
        var fetched = await JsonAsync(await client.GetAsync($"/api/v1/tickets/{IdOf(created)}"));

        Assert.That(StringOf(fetched, "priority"), Is.EqualTo("urgent"));
    }

    [Test]
    public async Task Create_with_an_invalid_priority_and_a_too_long_subject_is_400_with_snake_case_errors_for_both()
    {
        var (_, token) = await SignUpAsync();
        using var client = Client(token);
        var payload = new JsonObject { ["subject"] = new string('s', 201), ["body"] = "x", ["priority"] = "extreme" };

        var response = await client.PostAsync("/api/v1/tickets", JsonBody(payload.ToJsonString()));

        var problem = await AssertProblemAsync(response, 400, "validation.failed");
        var tickets = await Database.CountAsync("tickets");
        Assert.Multiple(() =>
        {
            Assert.That(problem["errors"]!.AsObject().Select(p => p.Key), Is.EquivalentTo(new[] { "subject", "priority" }));
            Assert.That(tickets, Is.Zero);
        });
    }

    [Test]
    public async Task Create_without_a_body_is_400_with_errors_for_body()
    {
        var (_, token) = await SignUpAsync();
        using var client = Client(token);

        var response = await client.PostAsync("/api/v1/tickets", JsonBody("""{"subject":"Only a subject"}"""));

        var problem = await AssertProblemAsync(response, 400, "validation.failed");
        Assert.That(problem["errors"]!.AsObject().Select(p => p.Key), Is.EqualTo(new[] { "body" }));
    }

    [Test]
    public async Task Get_by_id_returns_the_ticket_with_its_version_ETag()
    {
        var (_, token) = await SignUpAsync();
        using var client = Client(token);
        var created = await CreateTicketAsync(client);

        var response = await client.GetAsync($"/api/v1/tickets/{IdOf(created)}");
        var body = await JsonAsync(response);

        Assert.Multiple(() =>
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(200));
            Assert.That(response.Headers.ETag?.ToString(), Is.EqualTo("\"v1\""));
            Assert.That(body.ToJsonString(), Is.EqualTo(created.ToJsonString()));
        });
    }

    [Test]
    public async Task A_customer_gets_404_for_another_customers_ticket_on_GET_PATCH_and_comments()
    {
        var (_, ownerToken) = await SignUpAsync();
        var (_, strangerToken) = await SignUpAsync();
        using var owner = Client(ownerToken);
        using var stranger = Client(strangerToken);
        var id = IdOf(await CreateTicketAsync(owner));

        await AssertProblemAsync(await stranger.GetAsync($"/api/v1/tickets/{id}"), 404, "tickets.not_found");
        await AssertProblemAsync(await PatchAsync(stranger, $"/api/v1/tickets/{id}", """{"subject":"Mine now"}"""), 404, "tickets.not_found");
        await AssertProblemAsync(await stranger.PostAsJsonAsync($"/api/v1/tickets/{id}/comments", new { body = "Hello" }), 404, "tickets.not_found");
        await AssertProblemAsync(await stranger.GetAsync($"/api/v1/tickets/{id}/comments"), 404, "tickets.not_found");

        var unchanged = await JsonAsync(await owner.GetAsync($"/api/v1/tickets/{id}"));
        var comments = await Database.CountAsync("ticket_comments");
        Assert.Multiple(() =>
        {
            Assert.That(StringOf(unchanged, "subject"), Is.EqualTo("Printer"));
            Assert.That(comments, Is.Zero);
        });
    }

    [Test]
    public async Task An_agent_can_read_and_comment_on_any_customers_ticket()
    {
        var (_, ownerToken) = await SignUpAsync();
        var (agentId, agentToken) = await SignUpAsync(role: "agent");
        using var owner = Client(ownerToken);
        using var agent = Client(agentToken);
        var id = IdOf(await CreateTicketAsync(owner));

        var read = await agent.GetAsync($"/api/v1/tickets/{id}");
        var comment = await agent.PostAsJsonAsync($"/api/v1/tickets/{id}/comments", new { body = "Looking into it" });
        var commentBody = await JsonAsync(comment);

        Assert.Multiple(() =>
        {
            Assert.That((int)read.StatusCode, Is.EqualTo(200));
            Assert.That((int)comment.StatusCode, Is.EqualTo(201), commentBody.ToJsonString());
            Assert.That(commentBody["author_id"]?.GetValue<Guid>(), Is.EqualTo(agentId));
        });
    }

    [Test]
    public async Task List_shows_customers_only_their_own_tickets_and_agents_all_tickets()
    {
        var (_, aliceToken) = await SignUpAsync();
        var (_, bobToken) = await SignUpAsync();
        var (_, agentToken) = await SignUpAsync(role: "agent");
        using var alice = Client(aliceToken);
        using var bob = Client(bobToken);
        using var agent = Client(agentToken);
        var a1 = IdOf(await CreateTicketAsync(alice, "A1"));
        var a2 = IdOf(await CreateTicketAsync(alice, "A2"));
        var b1 = IdOf(await CreateTicketAsync(bob, "B1"));

        var aliceList = await JsonAsync(await alice.GetAsync("/api/v1/tickets"));
        var agentList = await JsonAsync(await agent.GetAsync("/api/v1/tickets"));

        Assert.Multiple(() =>
        {
            Assert.That(ItemsOf(aliceList).Select(IdOf), Is.EqualTo(new[] { a2, a1 }), "own tickets, newest first");
            Assert.That(aliceList["total"]?.GetValue<long>(), Is.EqualTo(2));
            Assert.That(ItemsOf(agentList).Select(IdOf), Is.EqualTo(new[] { b1, a2, a1 }));
            Assert.That(agentList["total"]?.GetValue<long>(), Is.EqualTo(3));
        });
    }

    [Test]
    public async Task List_filters_by_status_and_priority()
    {
        var (_, customerToken) = await SignUpAsync();
        var (_, agentToken) = await SignUpAsync(role: "agent");
        using var customer = Client(customerToken);
        using var agent = Client(agentToken);
        var urgent = IdOf(await CreateTicketAsync(customer, "Urgent", priority: "urgent"));
        var pending = IdOf(await CreateTicketAsync(customer, "Pending", priority: "low"));
        await CreateTicketAsync(customer, "Plain");
        var moved = await PatchAsync(agent, $"/api/v1/tickets/{pending}", """{"status":"pending"}""");
        Assert.That((int)moved.StatusCode, Is.EqualTo(200));

        var byStatus = await JsonAsync(await agent.GetAsync("/api/v1/tickets?status=pending"));
        var byPriority = await JsonAsync(await agent.GetAsync("/api/v1/tickets?priority=urgent"));
        var both = await JsonAsync(await agent.GetAsync("/api/v1/tickets?status=open&priority=low"));

        Assert.Multiple(() =>
        {
            Assert.That(ItemsOf(byStatus).Select(IdOf), Is.EqualTo(new[] { pending }));
            Assert.That(ItemsOf(byPriority).Select(IdOf), Is.EqualTo(new[] { urgent }));
            Assert.That(ItemsOf(both), Is.Empty);
        });
    }

    [Test]
    public async Task List_filters_by_assignee_id()
    {
        var (_, customerToken) = await SignUpAsync();
        var (agentId, agentToken) = await SignUpAsync(role: "agent");
        using var customer = Client(customerToken);
        using var agent = Client(agentToken);
        var assigned = IdOf(await CreateTicketAsync(customer, "Assigned"));
        await CreateTicketAsync(customer, "Unassigned");
        var assign = await PatchAsync(agent, $"/api/v1/tickets/{assigned}", $$"""{"assignee_id":"{{agentId}}"}""");
        Assert.That((int)assign.StatusCode, Is.EqualTo(200), await assign.Content.ReadAsStringAsync());

        var list = await JsonAsync(await agent.GetAsync($"/api/v1/tickets?assignee_id={agentId}"));

        Assert.That(ItemsOf(list).Select(IdOf), Is.EqualTo(new[] { assigned }), list.ToJsonString());
    }

    [Test]
    public async Task List_with_an_unknown_status_filter_is_400_with_errors_for_status()
    {
        var (_, token) = await SignUpAsync();
        using var client = Client(token);

        var response = await client.GetAsync("/api/v1/tickets?status=lost");

        var problem = await AssertProblemAsync(response, 400, "validation.failed");
        Assert.That(problem["errors"]!.AsObject().Select(p => p.Key), Is.EqualTo(new[] { "status" }));
    }

    [Test]
    public async Task Patch_changes_only_the_properties_present_and_leaves_absent_ones_alone()
    {
        var (_, token) = await SignUpAsync();
        using var client = Client(token);
        var created = await CreateTicketAsync(client, "Old subject", "Old body", "high");

        var response = await PatchAsync(client, $"/api/v1/tickets/{IdOf(created)}", """{"subject":"New subject"}""");
        var body = await JsonAsync(response);

        Assert.Multiple(() =>
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(200), body.ToJsonString());
            Assert.That(StringOf(body, "subject"), Is.EqualTo("New subject"));
            Assert.That(StringOf(body, "body"), Is.EqualTo("Old body"));
            Assert.That(StringOf(body, "priority"), Is.EqualTo("high"));
            Assert.That(StringOf(body, "status"), Is.EqualTo("open"));
            Assert.That(body["version"]?.GetValue<int>(), Is.EqualTo(2));
        });
    }

    [Test]
    public async Task Patch_with_assignee_id_null_unassigns_and_leaves_the_rest_alone()
    {
        var (_, customerToken) = await SignUpAsync();
        var (agentId, agentToken) = await SignUpAsync(role: "agent");
        using var customer = Client(customerToken);
        using var agent = Client(agentToken);
        var id = IdOf(await CreateTicketAsync(customer, priority: "high"));
        var assigned = await JsonAsync(await PatchAsync(agent, $"/api/v1/tickets/{id}", $$"""{"assignee_id":"{{agentId}}"}"""));
        Assert.That(assigned["assignee_id"]?.GetValue<Guid>(), Is.EqualTo(agentId), assigned.ToJsonString());

        var untouched = await JsonAsync(await PatchAsync(agent, $"/api/v1/tickets/{id}", """{"priority":"urgent"}"""));
        var response = await PatchAsync(agent, $"/api/v1/tickets/{id}", """{"assignee_id":null}""");
        var unassigned = await JsonAsync(response);

        Assert.Multiple(() =>
        {
            Assert.That(untouched["assignee_id"]?.GetValue<Guid>(), Is.EqualTo(agentId), "an absent assignee_id is left alone");
            Assert.That((int)response.StatusCode, Is.EqualTo(200), unassigned.ToJsonString());
            Assert.That(unassigned.ContainsKey("assignee_id") && unassigned["assignee_id"] is null, Is.True, unassigned.ToJsonString());
            Assert.That(StringOf(unassigned, "priority"), Is.EqualTo("urgent"));
        });
    }

    [Test]
    public async Task A_customer_setting_status_resolved_is_403_tickets_forbidden()
    {
        var (_, token) = await SignUpAsync();
        using var client = Client(token);
        var id = IdOf(await CreateTicketAsync(client));

        var response = await PatchAsync(client, $"/api/v1/tickets/{id}", """{"status":"resolved"}""");

        await AssertProblemAsync(response, 403, "tickets.forbidden");
        var after = await JsonAsync(await client.GetAsync($"/api/v1/tickets/{id}"));
        Assert.That(StringOf(after, "status"), Is.EqualTo("open"));
    }

    [Test]
    public async Task A_customer_can_close_their_own_ticket()
    {
        var (_, token) = await SignUpAsync();
        using var client = Client(token);
        var id = IdOf(await CreateTicketAsync(client));

        var response = await PatchAsync(client, $"/api/v1/tickets/{id}", """{"status":"closed"}""");
        var body = await JsonAsync(response);

        Assert.Multiple(() =>
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(200), body.ToJsonString());
            Assert.That(StringOf(body, "status"), Is.EqualTo("closed"));
        });
    }

    [Test]
    public async Task Reopening_a_closed_ticket_is_409_tickets_invalid_transition()
    {
        var (_, customerToken) = await SignUpAsync();
        var (_, agentToken) = await SignUpAsync(role: "agent");
        using var customer = Client(customerToken);
        using var agent = Client(agentToken);
        var id = IdOf(await CreateTicketAsync(customer));
        Assert.That((int)(await PatchAsync(customer, $"/api/v1/tickets/{id}", """{"status":"closed"}""")).StatusCode, Is.EqualTo(200));

        var response = await PatchAsync(agent, $"/api/v1/tickets/{id}", """{"status":"open"}""");

        await AssertProblemAsync(response, 409, "tickets.invalid_transition");
    }

    [Test]
    public async Task An_agent_assigning_a_ticket_to_a_customer_is_400_with_errors_for_assignee_id()
    {
        var (customerId, customerToken) = await SignUpAsync();
        var (_, agentToken) = await SignUpAsync(role: "agent");
        using var customer = Client(customerToken);
        using var agent = Client(agentToken);
        var id = IdOf(await CreateTicketAsync(customer));

        var response = await PatchAsync(agent, $"/api/v1/tickets/{id}", $$"""{"assignee_id":"{{customerId}}"}""");

        var problem = await AssertProblemAsync(response, 400, "validation.failed");
        Assert.That(problem["errors"]!.AsObject().Select(p => p.Key), Is.EqualTo(new[] { "assignee_id" }));
    }

    [Test]
    public async Task Comments_are_created_with_201_and_listed_newest_first_in_pages()
    {
        var (customerId, token) = await SignUpAsync();
        using var client = Client(token);
        var id = IdOf(await CreateTicketAsync(client));
        var ids = new List<Guid>();
        for (var i = 1; i <= 3; i++)
        {
            var response = await client.PostAsJsonAsync($"/api/v1/tickets/{id}/comments", new { body = $"Comment {i}" });
            var comment = await JsonAsync(response);
            Assert.Multiple(() =>
            {
                Assert.That((int)response.StatusCode, Is.EqualTo(201), comment.ToJsonString());
                Assert.That(response.Headers.Location?.ToString(), Is.EqualTo($"/api/v1/tickets/{id}/comments/{IdOf(comment)}"));
                Assert.That(comment["ticket_id"]?.GetValue<Guid>(), Is.EqualTo(id));
                Assert.That(comment["author_id"]?.GetValue<Guid>(), Is.EqualTo(customerId));
                Assert.That(StringOf(comment, "body"), Is.EqualTo($"Comment {i}"));
            });
            ids.Add(IdOf(comment));
        }

        var first = await JsonAsync(await client.GetAsync($"/api/v1/tickets/{id}/comments?page_size=2"));
        var second = await JsonAsync(await client.GetAsync($"/api/v1/tickets/{id}/comments?page_size=2&page=2"));

        Assert.Multiple(() =>
        {
            Assert.That(ItemsOf(first).Select(IdOf), Is.EqualTo(new[] { ids[2], ids[1] }), first.ToJsonString());
            Assert.That(first["total"]?.GetValue<long>(), Is.EqualTo(3));
            Assert.That(first["pages"]?.GetValue<int>(), Is.EqualTo(2));
            Assert.That(StringOf(first, "next_cursor"), Is.Not.Null);
            Assert.That(ItemsOf(second).Select(IdOf), Is.EqualTo(new[] { ids[0] }), second.ToJsonString());
            Assert.That(second["next_cursor"], Is.Null);
        });
    }

    [Test]
    public async Task A_comments_Location_can_be_fetched_by_its_author_but_is_404_for_a_stranger()
    {
        var (_, ownerToken) = await SignUpAsync();
        var (_, strangerToken) = await SignUpAsync();
        using var owner = Client(ownerToken);
        using var stranger = Client(strangerToken);
        var id = IdOf(await CreateTicketAsync(owner));
        var created = await owner.PostAsJsonAsync($"/api/v1/tickets/{id}/comments", new { body = "Still on fire" });
        var location = created.Headers.Location!.ToString();
        var createdBody = await JsonAsync(created);

        var fetched = await owner.GetAsync(location);
        var fetchedBody = await JsonAsync(fetched);
        var hidden = await stranger.GetAsync(location);

        Assert.Multiple(() =>
        {
            Assert.That((int)fetched.StatusCode, Is.EqualTo(200), fetchedBody.ToJsonString());
            Assert.That(fetchedBody.ToJsonString(), Is.EqualTo(createdBody.ToJsonString()));
        });
        await AssertProblemAsync(hidden, 404, "tickets.not_found");
    }

    [Test]
    public async Task Commenting_on_a_closed_ticket_is_409_tickets_closed()
    {
        var (_, token) = await SignUpAsync();
        using var client = Client(token);
        var id = IdOf(await CreateTicketAsync(client));
        Assert.That((int)(await PatchAsync(client, $"/api/v1/tickets/{id}", """{"status":"closed"}""")).StatusCode, Is.EqualTo(200));

        var response = await client.PostAsJsonAsync($"/api/v1/tickets/{id}/comments", new { body = "One more thing" });

        await AssertProblemAsync(response, 409, "tickets.closed");
    }
}
