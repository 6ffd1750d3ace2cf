using NUnit.Framework;
using Platform.Application.Common.Errors;
using Platform.Application.Common.Messaging;
using Platform.Application.Housekeeping.Commands.DeleteExpiredIdempotencyKeys;
using Platform.Application.Tickets;
using Platform.Application.Tickets.Commands.CreateTicket;
using Platform.Application.Tickets.Commands.UpdateTicket;
using Platform.Domain.Common;
using Platform.Domain.Tickets;

namespace Platform.Application.Tests.Common;

public sealed class IdempotencyBehaviourTests : ApplicationTestBase
{
    [Test]
    public async Task A_replay_with_the_same_key_and_request_returns_the_stored_response_and_creates_nothing_new()
    {
        var customer = await CustomerAsync();
        var command = new CreateTicketCommand("Printer", "On fire", "high", "key-1");

        var (first, firstReplayed) = await App.SendWithOutcomeAsync(command, customer);
        var (second, secondReplayed) = await App.SendWithOutcomeAsync(command, customer);

        Assert.Multiple(async () =>
        {
            Assert.That(firstReplayed, Is.False);
            Assert.That(secondReplayed, Is.True);
            Assert.That(second, Is.EqualTo(first));
            Assert.That(await Database.CountAsync("tickets"), Is.EqualTo(1));
            Assert.That(await Database.CountAsync("audit_log", "action = 'tickets.create'"), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task The_same_key_with_a_different_request_is_refused_as_key_reused()
    {
        var customer = await CustomerAsync();
        await App.SendAsync(new CreateTicketCommand("Printer", "On fire", null, "key-1"), customer);

        var error = Assert.ThrowsAsync<UnprocessableException>(() =>
            App.SendAsync(new CreateTicketCommand("Printer", "Smoking now", null, "key-1"), customer));

        Assert.Multiple(async () =>
        {
            Assert.That(error!.Code, Is.EqualTo("idempotency.key_reused"));
            Assert.That(await Database.CountAsync("tickets"), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Sixteen_concurrent_requests_with_one_key_create_exactly_one_ticket()
    {
        var customer = await CustomerAsync();
        var command = new CreateTicketCommand("Printer", "On fire", null, "concurrent-key");

        var attempts = Enumerable.Range(0, 16).Select(async _ =>
        {
            try
            {
                return (Ticket: await App.SendAsync(command, customer), Error: (AppException?)null);
            }
            catch (ConflictException ex)
            {
                return (Ticket: (TicketDto?)null, Error: (AppException?)ex);
            }
        });
        var results = await Task.WhenAll(attempts);

        var created = results.Where(r => r.Ticket is not null).Select(r => r.Ticket!.Id).Distinct().ToList();
        Assert.Multiple(async () =>
        {
            Assert.That(await Database.CountAsync("tickets"), Is.EqualTo(1));
            Assert.That(created, Has.Count.EqualTo(1), "every success returns the one ticket");
            Assert.That(results.Where(r => r.Error is not null).Select(r => r.Error!.Code), Is.All.EqualTo("idempotency.in_progress"));
            Assert.That(await Database.CountAsync("idempotency_keys"), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Concurrent_requests_from_two_application_hosts_still_create_one_ticket()
    {
        // Two hosts share only the database, like two API instances.
        await using var second = new Platform.Testing.ApplicationTestHost(Database);
        var customer = await CustomerAsync();
        var command = new CreateTicketCommand("Printer", "On fire", null, "two-instances");

        async Task<TicketDto?> Attempt(Platform.Testing.ApplicationTestHost host)
        {
            try
            {
                return await host.SendAsync(command, customer);
            }
            catch (ConflictException)
            {
                return null;
            }
        }

        await Task.WhenAll(Enumerable.Range(0, 8).SelectMany(_ => new[] { Attempt(App), Attempt(second) }));

        Assert.That(await Database.CountAsync("tickets"), Is.EqualTo(1));
    }

    [Test]
    public async Task A_failed_command_leaves_no_key_so_the_client_can_retry_with_it()
    {
        var customer = await CustomerAsync();
        var agent = await AgentAsync();
        var ticket = await App.SendAsync(new CreateTicketCommand("Printer", "On fire"), customer);
        await App.SendAsync(Patch(ticket.Id, status: "closed"), agent);

        Assert.ThrowsAsync<DomainException>(() => App.SendAsync(Patch(ticket.Id, status: "open", key: "retry-key"), agent));
        Assert.That(await Database.CountAsync("idempotency_keys"), Is.EqualTo(0));

        var other = await App.SendAsync(new CreateTicketCommand("Second", "Ticket"), customer);
        var updated = await App.SendAsync(Patch(other.Id, status: "pending", key: "retry-key"), agent);
        Assert.Multiple(async () =>
        {
            Assert.That(updated.Status, Is.EqualTo(TicketStatus.Pending));
            Assert.That(await Database.CountAsync("idempotency_keys"), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Keys_are_scoped_to_the_caller()
    {
        var alice = await CustomerAsync();
        var bob = await CustomerAsync();

        var a = await App.SendAsync(new CreateTicketCommand("Printer", "On fire", null, "shared-key"), alice);
        var b = await App.SendAsync(new CreateTicketCommand("Printer", "On fire", null, "shared-key"), bob);

        Assert.Multiple(async () =>
        {
            Assert.That(b.Id, Is.Not.EqualTo(a.Id));
            Assert.That(await Database.CountAsync("tickets"), Is.EqualTo(2));
        });
    }

    [Test]
    public async Task Keys_are_scoped_to_the_operation()
    {
        var agent = await AgentAsync();
        var ticket = await App.SendAsync(new CreateTicketCommand("Printer", "On fire", null, "op-key"), agent);

        var updated = await App.SendAsync(Patch(ticket.Id, status: "pending", key: "op-key"), agent);

        Assert.That(updated.Status, Is.EqualTo(TicketStatus.Pending));
    }

    [Test]
    public void A_key_that_is_too_long_or_not_printable_is_a_validation_error()
    {
        var error = Assert.ThrowsAsync<RequestValidationException>(async () =>
            await App.SendAsync(new CreateTicketCommand("Printer", "On fire", null, new string('k', 256)), await CustomerAsync()));
        Assert.That(error!.Errors.Keys, Does.Contain("idempotency_key"));

        var control = Assert.ThrowsAsync<RequestValidationException>(async () =>
            await App.SendAsync(new CreateTicketCommand("Printer", "On fire", null, "tab\there"), await CustomerAsync()));
        Assert.That(control!.Errors.Keys, Does.Contain("idempotency_key"));
    }

    [Test]
    public async Task An_expired_key_no_longer_replays_and_the_cleanup_job_deletes_it()
    {
        var customer = await CustomerAsync();
        var command = new CreateTicketCommand("Printer", "On fire", null, "ttl-key");
        var first = await App.SendAsync(command, customer);
        var fresh = await App.SendAsync(new CreateTicketCommand("Other", "Ticket", null, "fresh-key"), customer);

        App.Clock.Advance(TimeSpan.FromHours(23));
        var stillFresh = await App.SendAsync(new CreateTicketCommand("Other", "Ticket", null, "fresh-key"), customer);
        App.Clock.Advance(TimeSpan.FromHours(2));

        var deleted = await App.SendAsync(new DeleteExpiredIdempotencyKeysCommand());
        Assert.Multiple(async () =>
        {
            Assert.That(deleted, Is.EqualTo(2));
            Assert.That(await Database.CountAsync("idempotency_keys"), Is.EqualTo(0));
        });

        var again = await App.SendAsync(command, customer);
        Assert.Multiple(async () =>
        {
            Assert.That(stillFresh.Id, Is.EqualTo(fresh.Id), "a key within its TTL still replays");
            Assert.That(again.Id, Is.Not.EqualTo(first.Id), "a key past its TTL runs the command again");
            Assert.That(await Database.CountAsync("tickets"), Is.EqualTo(3));
        });
    }

    [Test]
    public async Task The_cleanup_job_keeps_keys_that_have_not_expired()
    {
        var customer = await CustomerAsync();
        await App.SendAsync(new CreateTicketCommand("Printer", "On fire", null, "k1"), customer);
        App.Clock.Advance(TimeSpan.FromHours(12));
        await App.SendAsync(new CreateTicketCommand("Printer", "On fire", null, "k2"), customer);
        App.Clock.Advance(TimeSpan.FromHours(13));

        var deleted = await App.SendAsync(new DeleteExpiredIdempotencyKeysCommand(BatchSize: 1));

        Assert.Multiple(async () =>
        {
            Assert.That(deleted, Is.EqualTo(1));
            Assert.That(await Database.CountAsync("idempotency_keys", "key = 'k2'"), Is.EqualTo(1));
        });
    }

    private static UpdateTicketCommand Patch(Guid id, string? status = null, string? key = null) =>
        new(id, default, default, default, status is null ? default : new Optional<string?>(status), default, null, key);
}
