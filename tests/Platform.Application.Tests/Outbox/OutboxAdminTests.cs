using NUnit.Framework;
using Platform.Application.Common.Errors;
using Platform.Application.Outbox.Commands.RetryOutboxMessage;
using Platform.Application.Outbox.Queries.ListOutboxMessages;
using Platform.Application.Tests.Identity;
using Platform.Testing;

namespace Platform.Application.Tests.Outbox;

/// <summary>Admins see the outbox by status, newest first, and can give a parked message another go.</summary>
public sealed class OutboxAdminTests : ApplicationTestBase
{
    [Test]
    public async Task Admins_list_pending_and_failed_messages_newest_first_in_keyset_pages()
    {
        var admin = await AdminAsync();
        var failed = await InsertAsync("failed", DateTimeOffset.UtcNow.AddMinutes(-10));
        var older = await InsertAsync("pending", DateTimeOffset.UtcNow.AddMinutes(-5));
        var newer = await InsertAsync("pending", DateTimeOffset.UtcNow.AddMinutes(-1));
        await InsertAsync("processed", DateTimeOffset.UtcNow);

        var first = await App.SendAsync(new ListOutboxMessagesQuery("pending", PageSize: 1), admin);
        var second = await App.SendAsync(new ListOutboxMessagesQuery("pending", PageSize: 1, Cursor: first.NextCursor), admin);
        var failures = await App.SendAsync(new ListOutboxMessagesQuery("failed"), admin);

        Assert.Multiple(() =>
        {
            Assert.That(first.Items.Select(m => m.Id), Is.EqualTo(new[] { newer }));
            Assert.That(second.Items.Select(m => m.Id), Is.EqualTo(new[] { older }));
            Assert.That(second.NextCursor, Is.Null);
            Assert.That(failures.Items.Select(m => m.Id), Is.EqualTo(new[] { failed }));
            Assert.That(failures.Items[0].LastError, Is.EqualTo("receiver said no"));
            Assert.That(failures.Items[0].Payload.GetProperty("n").GetInt32(), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task A_cursor_of_the_pending_list_is_refused_for_the_failed_list()
    {
        var admin = await AdminAsync();
        await InsertAsync("pending", DateTimeOffset.UtcNow.AddMinutes(-2));
        await InsertAsync("pending", DateTimeOffset.UtcNow.AddMinutes(-1));
        var page = await App.SendAsync(new ListOutboxMessagesQuery("pending", PageSize: 1), admin);

        var ex = Assert.ThrowsAsync<RequestValidationException>(() => App.SendAsync(new ListOutboxMessagesQuery("failed", Cursor: page.NextCursor), admin));
        Assert.That(ex!.Errors.Keys, Does.Contain("cursor"));
    }

    [Test]
    public async Task Only_admins_may_see_or_retry_the_outbox_and_the_status_must_be_pending_or_failed()
    {
        var agent = await AgentAsync();
        var admin = await AdminAsync();

        Assert.ThrowsAsync<ForbiddenException>(() => App.SendAsync(new ListOutboxMessagesQuery("pending"), agent));
        Assert.ThrowsAsync<ForbiddenException>(() => App.SendAsync(new RetryOutboxMessageCommand(Guid.CreateVersion7()), agent));
        var ex = Assert.ThrowsAsync<RequestValidationException>(() => App.SendAsync(new ListOutboxMessagesQuery("processed"), admin));
        Assert.That(ex!.Errors.Keys, Does.Contain("status"));
    }

    [Test]
    public async Task Retrying_a_failed_message_makes_it_due_with_fresh_attempts_and_is_audited()
    {
        var admin = await AdminAsync();
        var id = await InsertAsync("failed", DateTimeOffset.UtcNow.AddMinutes(-10));

        var retried = await App.SendAsync(new RetryOutboxMessageCommand(id), admin);

        Assert.Multiple(async () =>
        {
            Assert.That(retried.Status, Is.EqualTo("pending"));
            Assert.That(retried.Attempts, Is.Zero);
            Assert.That(retried.FailedAt, Is.Null);
            Assert.That(retried.LastError, Is.EqualTo("receiver said no"), "kept until it succeeds");
            Assert.That(await Database.CountAsync("outbox_messages", $"id = '{id}' AND status = 'pending' AND attempts = 0 AND next_attempt_at <= now()"), Is.EqualTo(1));
            Assert.That(await Database.CountAsync("audit_log", $"action = 'outbox.retry' AND resource_id = '{id}' AND actor_id = '{admin.Id}'"), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Retrying_a_message_that_is_not_failed_is_409_and_an_unknown_one_404()
    {
        var admin = await AdminAsync();
        var pending = await InsertAsync("pending", DateTimeOffset.UtcNow);

        var conflict = Assert.ThrowsAsync<ConflictException>(() => App.SendAsync(new RetryOutboxMessageCommand(pending), admin));
        var missing = Assert.ThrowsAsync<NotFoundException>(() => App.SendAsync(new RetryOutboxMessageCommand(Guid.CreateVersion7()), admin));

        Assert.Multiple(async () =>
        {
            Assert.That(conflict!.Code, Is.EqualTo("outbox.message_not_failed"));
            Assert.That(missing!.Code, Is.EqualTo("outbox.message_not_found"));
            Assert.That(await Database.CountAsync("audit_log", "action = 'outbox.retry'"), Is.Zero);
        });
    }

    private async Task<Guid> InsertAsync(string status, DateTimeOffset occurredAt)
    {
        var id = Guid.CreateVersion7(occurredAt);
        await Database.ExecuteAsync(
            """
            INSERT INTO outbox_messages (id, type, payload, occurred_at, status, attempts, next_attempt_at, last_error, processed_at, failed_at)
            VALUES ($1, 'tickets.created', '{"n": 1}', $2, $3, CASE WHEN $3 = 'failed' THEN 10 ELSE 0 END, $2,
                    CASE WHEN $3 = 'failed' THEN 'receiver said no' END,
                    CASE WHEN $3 = 'processed' THEN now() END,
                    CASE WHEN $3 = 'failed' THEN now() END)
            """,
            id,
            occurredAt,
            status);
        return id;
    }
}
