using System.Text.Json.Nodes;
using NUnit.Framework;
using Platform.Api.Tests.Infrastructure;

namespace Platform.Api.Tests;

public sealed class PagingApiTests : ApiTestBase
{
    private async Task<(HttpClient Client, List<Guid> NewestFirst)> CustomerWithTicketsAsync(int count)
    {
        var (_, token) = await SignUpAsync();
        var client = Client(token);
        var ids = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            ids.Add(IdOf(await CreateTicketAsync(client, $"Ticket {i}")));
        }

        ids.Reverse();
        return (client, ids);
    }

    [TestCase("page_size=0")]
    [TestCase("page_size=101")]
    [TestCase("page=0")]
    public async Task An_out_of_range_paging_parameter_is_400_validation_failed(string query)
    {
        var (client, _) = await CustomerWithTicketsAsync(1);
        using (client)
        {
            var response = await client.GetAsync($"/api/v1/tickets?{query}");

            var problem = await AssertProblemAsync(response, 400, "validation.failed");
            Assert.That(problem["errors"]!.AsObject().Select(p => p.Key), Is.EqualTo(new[] { query.Split('=')[0] }));
        }
    }

    [Test]
    public async Task Page_size_100_is_accepted()
    {
        var (client, _) = await CustomerWithTicketsAsync(1);
        using (client)
        {
            var page = await JsonAsync(await client.GetAsync("/api/v1/tickets?page_size=100"));

            Assert.That(page["page_size"]?.GetValue<int>(), Is.EqualTo(100), page.ToJsonString());
        }
    }

    [Test]
    public async Task The_default_page_is_page_1_of_size_20()
    {
        var (client, _) = await CustomerWithTicketsAsync(1);
        using (client)
        {
            var page = await JsonAsync(await client.GetAsync("/api/v1/tickets"));

            Assert.Multiple(() =>
            {
                Assert.That(page["page"]?.GetValue<int>(), Is.EqualTo(1));
                Assert.That(page["page_size"]?.GetValue<int>(), Is.EqualTo(20));
                Assert.That(page["total"]?.GetValue<long>(), Is.EqualTo(1));
                Assert.That(page["pages"]?.GetValue<int>(), Is.EqualTo(1));
                Assert.That(page.ContainsKey("next_cursor") && page["next_cursor"] is null, Is.True, page.ToJsonString());
            });
        }
    }

    [Test]
    public async Task Pages_is_the_ceiling_of_total_over_page_size_and_pages_hold_the_right_rows()
    {
        var (client, ids) = await CustomerWithTicketsAsync(5);
        using (client)
        {
            var pages = new List<JsonObject>();
            for (var p = 1; p <= 3; p++)
            {
                pages.Add(await JsonAsync(await client.GetAsync($"/api/v1/tickets?page={p}&page_size=2")));
            }

            Assert.Multiple(() =>
            {
                Assert.That(pages.Select(p => p["total"]?.GetValue<long>()), Has.All.EqualTo(5));
                Assert.That(pages.Select(p => p["pages"]?.GetValue<int>()), Has.All.EqualTo(3));
                Assert.That(pages.Select(p => p["page_size"]?.GetValue<int>()), Has.All.EqualTo(2));
                Assert.That(pages.Select(p => p["page"]?.GetValue<int>()), Is.EqualTo(new int?[] { 1, 2, 3 }));
                Assert.That(pages.SelectMany(p => ItemsOf(p).Select(IdOf)), Is.EqualTo(ids));
            });
        }
    }

    [Test]
    public async Task A_page_past_the_last_is_200_with_no_items_and_the_true_total_and_pages()
    {
        var (client, _) = await CustomerWithTicketsAsync(3);
        using (client)
        {
            var response = await client.GetAsync("/api/v1/tickets?page=5&page_size=2");
            var page = await JsonAsync(response);

            Assert.Multiple(() =>
            {
                Assert.That((int)response.StatusCode, Is.EqualTo(200));
                Assert.That(ItemsOf(page), Is.Empty);
                Assert.That(page["total"]?.GetValue<long>(), Is.EqualTo(3));
                Assert.That(page["pages"]?.GetValue<int>(), Is.EqualTo(2), page.ToJsonString());
                Assert.That(page["next_cursor"], Is.Null);
                Assert.That(Header(response, "Link"), Is.Null);
            });
        }
    }

    [Test]
    public async Task An_empty_list_has_zero_pages()
    {
        var (_, token) = await SignUpAsync();
        using var client = Client(token);

        var page = await JsonAsync(await client.GetAsync("/api/v1/tickets"));

        Assert.Multiple(() =>
        {
            Assert.That(ItemsOf(page), Is.Empty);
            Assert.That(page["total"]?.GetValue<long>(), Is.Zero);
            Assert.That(page["pages"]?.GetValue<int>(), Is.Zero);
        });
    }

    [Test]
    public async Task A_Link_rel_next_header_is_sent_exactly_when_next_cursor_is_not_null()
    {
        var (client, _) = await CustomerWithTicketsAsync(3);
        using (client)
        {
            var first = await client.GetAsync("/api/v1/tickets?page_size=2&status=open");
            var firstBody = await JsonAsync(first);
            var last = await client.GetAsync("/api/v1/tickets?page_size=2&page=2");
            var lastBody = await JsonAsync(last);
            var cursor = StringOf(firstBody, "next_cursor");

            Assert.Multiple(() =>
            {
                Assert.That(cursor, Is.Not.Null, firstBody.ToJsonString());
                Assert.That(Header(first, "Link"), Is.EqualTo($"</api/v1/tickets?page_size=2&status=open&cursor={cursor}>; rel=\"next\""));
                Assert.That(lastBody["next_cursor"], Is.Null, lastBody.ToJsonString());
                Assert.That(Header(last, "Link"), Is.Null);
            });
        }
    }

    [Test]
    public async Task Following_next_cursor_visits_every_row_once_while_new_rows_are_inserted()
    {
        var (client, ids) = await CustomerWithTicketsAsync(7);
        using (client)
        {
            var seen = new List<Guid>();
            var response = await client.GetAsync("/api/v1/tickets?page_size=3");
            var page = await JsonAsync(response);
            Assert.That((int)response.StatusCode, Is.EqualTo(200));
            seen.AddRange(ItemsOf(page).Select(IdOf));
            var requests = 1;
            while (StringOf(page, "next_cursor") is { } cursor && requests < 10)
            {
                // New tickets arrive between pages: they are newer than the cursor and must not shift it.
                await CreateTicketAsync(client, $"Inserted {requests}");
                response = await client.GetAsync($"/api/v1/tickets?page_size=3&cursor={Uri.EscapeDataString(cursor)}");
                page = await JsonAsync(response);
                Assert.That((int)response.StatusCode, Is.EqualTo(200), page.ToJsonString());
                Assert.Multiple(() =>
                {
                    Assert.That(page.ContainsKey("total"), Is.False, "keyset pages have no total");
                    Assert.That(page["page_size"]?.GetValue<int>(), Is.EqualTo(3));
                });
                seen.AddRange(ItemsOf(page).Select(IdOf));
                requests++;
            }

            Assert.Multiple(() =>
            {
                Assert.That(seen, Is.EqualTo(ids), "every original row once, newest first, none skipped or repeated");
                Assert.That(requests, Is.EqualTo(3));
            });
        }
    }

    [Test]
    public async Task An_agent_following_next_cursor_sees_every_customer_s_tickets_and_a_customer_only_their_own()
    {
        var (alice, aliceIds) = await CustomerWithTicketsAsync(0);
        var (bob, _) = await CustomerWithTicketsAsync(0);
        var (_, agentToken) = await SignUpAsync(role: "agent");
        using (alice)
        using (bob)
        using (var agent = Client(agentToken))
        {
            var all = new List<Guid>();
            for (var i = 0; i < 3; i++)
            {
                var mine = IdOf(await CreateTicketAsync(alice, $"Alice {i}"));
                aliceIds.Insert(0, mine);
                all.Insert(0, mine);
                all.Insert(0, IdOf(await CreateTicketAsync(bob, $"Bob {i}")));
            }

            async Task<List<Guid>> FollowAsync(HttpClient client, int rows)
            {
                var seen = new List<Guid>();
                var page = await JsonAsync(await client.GetAsync("/api/v1/tickets?page_size=2"));
                seen.AddRange(ItemsOf(page).Select(IdOf));
                while (seen.Count < rows && StringOf(page, "next_cursor") is { } cursor)
                {
                    var response = await client.GetAsync($"/api/v1/tickets?page_size=2&cursor={Uri.EscapeDataString(cursor)}");
                    page = await JsonAsync(response);
                    Assert.That((int)response.StatusCode, Is.EqualTo(200), page.ToJsonString());
                    seen.AddRange(ItemsOf(page).Select(IdOf));
                }

                return seen;
            }

            var agentSaw = await FollowAsync(agent, all.Count);
            var aliceSaw = await FollowAsync(alice, aliceIds.Count + 1);
            Assert.Multiple(() =>
            {
                // Other tests' tickets are older than these, so they come after the newest six.
                Assert.That(agentSaw.Take(all.Count), Is.EqualTo(all), "staff page through everyone's tickets, newest first");
                Assert.That(aliceSaw, Is.EqualTo(aliceIds), "a customer's cursor pages hold only their own tickets");
            });
        }
    }

    [Test]
    public async Task A_tampered_cursor_is_400_validation_failed_for_cursor()
    {
        var (client, _) = await CustomerWithTicketsAsync(3);
        using (client)
        {
            var page = await JsonAsync(await client.GetAsync("/api/v1/tickets?page_size=1"));
            var cursor = StringOf(page, "next_cursor");
            Assert.That(cursor, Is.Not.Null, page.ToJsonString());
            var tampered = cursor![..5] + (cursor[5] == 'A' ? 'B' : 'A') + cursor[6..];

            var response = await client.GetAsync($"/api/v1/tickets?page_size=1&cursor={tampered}");

            var problem = await AssertProblemAsync(response, 400, "validation.failed");
            Assert.That(problem["errors"]!.AsObject().Select(p => p.Key), Is.EqualTo(new[] { "cursor" }));
        }
    }

    [TestCase("not-a-cursor")]
    [TestCase("AAAA")]
    public async Task A_malformed_cursor_is_400_validation_failed(string cursor)
    {
        var (client, _) = await CustomerWithTicketsAsync(1);
        using (client)
        {
            var response = await client.GetAsync($"/api/v1/tickets?cursor={cursor}");

            var problem = await AssertProblemAsync(response, 400, "validation.failed");
            Assert.That(problem["errors"]?.AsObject().Select(p => p.Key), Does.Contain("cursor"), problem.ToJsonString());
        }
    }

    [Test]
    public async Task A_cursor_from_another_list_is_400()
    {
        var (client, _) = await CustomerWithTicketsAsync(1);
        using (client)
        {
            var ticketId = IdOf(ItemsOf(await JsonAsync(await client.GetAsync("/api/v1/tickets")))[0]);
            for (var i = 0; i < 3; i++)
            {
                await client.PostAsync($"/api/v1/tickets/{ticketId}/comments", JsonBody($$"""{"body":"c{{i}}"}"""));
            }

            var comments = await JsonAsync(await client.GetAsync($"/api/v1/tickets/{ticketId}/comments?page_size=1"));
            var commentCursor = StringOf(comments, "next_cursor");
            Assert.That(commentCursor, Is.Not.Null, comments.ToJsonString());

            var response = await client.GetAsync($"/api/v1/tickets?cursor={commentCursor}");

            var problem = await AssertProblemAsync(response, 400, "validation.failed");
            Assert.That(problem["errors"]?.AsObject().Select(p => p.Key), Does.Contain("cursor"), problem.ToJsonString());
        }
    }
}
