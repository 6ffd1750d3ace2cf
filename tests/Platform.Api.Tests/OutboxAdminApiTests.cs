using System.Diagnostics;
using NUnit.Framework;
using Platform.Api.Tests.Infrastructure;

namespace Platform.Api.Tests;

/// <summary>The outbox over HTTP: the API host runs a dispatcher, and admins see and retry messages with the usual contract.</summary>
public sealed class OutboxAdminApiTests : ApiTestBase
{
    [Test]
    public async Task The_api_host_dispatches_the_event_of_a_created_ticket_within_seconds()
    {
        var (_, token) = await SignUpAsync();
        using var client = Client(token);

        var ticket = await CreateTicketAsync(client);

        await WaitUntilAsync(async () => await Database.CountAsync("outbox_messages", $"type = 'tickets.created' AND status = 'processed' AND payload->>'id' = '{IdOf(ticket)}'") == 1);
    }

    [Test]
    public async Task Only_admins_see_the_outbox()
    {
        var (_, customer) = await SignUpAsync();
        using var anonymous = Client();
        using var client = Client(customer);

        await AssertProblemAsync(await anonymous.GetAsync("/api/v1/admin/outbox"), 401, "auth.unauthorized");
        await AssertProblemAsync(await client.GetAsync("/api/v1/admin/outbox?status=failed"), 403, "auth.forbidden");
        await AssertProblemAsync(await client.PostAsync($"/api/v1/admin/outbox/{Guid.NewGuid()}/retry", null), 403, "auth.forbidden");
    }

    [Test]
    public async Task Admins_page_through_failed_messages_and_an_unknown_status_is_400()
    {
        var (_, token) = await AdminAsync();
        using var admin = Client(token);
        var older = await InsertFailedAsync(DateTimeOffset.UtcNow.AddMinutes(-2));
        var newer = await InsertFailedAsync(DateTimeOffset.UtcNow.AddMinutes(-1));

        var first = await admin.GetAsync("/api/v1/admin/outbox?status=failed&page_size=1");
        var firstPage = await JsonAsync(first);
        var second = await JsonAsync(await admin.GetAsync($"/api/v1/admin/outbox?status=failed&page_size=1&cursor={Uri.EscapeDataString(StringOf(firstPage, "next_cursor")!)}"));
        var bad = await AssertProblemAsync(await admin.GetAsync("/api/v1/admin/outbox?status=processed"), 400, "validation.failed");

        Assert.Multiple(() =>
        {
            Assert.That(IdOf(ItemsOf(firstPage)[0]), Is.EqualTo(newer));
            Assert.That(Header(first, "Link"), Does.Contain("rel=\"next\""));
            Assert.That(Header(first, "ETag"), Is.Not.Null);
            Assert.That(IdOf(ItemsOf(second)[0]), Is.EqualTo(older));
            Assert.That(StringOf(ItemsOf(second)[0], "last_error"), Is.EqualTo("receiver said no"));
            Assert.That(bad["errors"]!["status"], Is.Not.Null);
        });
    }

    [Test]
    public async Task Retrying_a_failed_message_over_http_gets_it_delivered_and_a_second_retry_is_409()
    {
        var (_, token) = await AdminAsync();
        using var admin = Client(token);
        var id = await InsertFailedAsync(DateTimeOffset.UtcNow.AddMinutes(-1));

        var retried = await admin.PostAsync($"/api/v1/admin/outbox/{id}/retry", null);
        var body = await JsonAsync(retried);
        Assert.That((int)retried.StatusCode, Is.EqualTo(200), body.ToJsonString());
        Assert.That(StringOf(body, "status"), Is.EqualTo("pending"));

        await WaitUntilAsync(async () => await Database.CountAsync("outbox_messages", $"id = '{id}' AND status = 'processed'") == 1);
        await AssertProblemAsync(await admin.PostAsync($"/api/v1/admin/outbox/{id}/retry", null), 409, "outbox.message_not_failed");
        await AssertProblemAsync(await admin.PostAsync($"/api/v1/admin/outbox/{Guid.NewGuid()}/retry", null), 404, "outbox.message_not_found");
    }

    private async Task<Guid> InsertFailedAsync(DateTimeOffset occurredAt)
    {
        var id = Guid.CreateVersion7(occurredAt);
        await using var command = Database.DataSource.CreateCommand(
            """
            INSERT INTO outbox_messages (id, type, payload, occurred_at, status, attempts, next_attempt_at, last_error, failed_at)
            VALUES ($1, 'tickets.created', '{}', $2, 'failed', 10, $2, 'receiver said no', now())
            """);
        command.Parameters.AddWithValue(id);
        command.Parameters.AddWithValue(occurredAt);
        await command.ExecuteNonQueryAsync();
        return id;
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(10))
            {
                Assert.Fail("not within 10 s");
            }

            await Task.Delay(50);
        }
    }
}
