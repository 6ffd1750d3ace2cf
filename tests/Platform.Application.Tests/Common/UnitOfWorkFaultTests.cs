using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NUnit.Framework;
using Platform.Application.Status;
using Platform.Application.Status.Commands.CreateMonitoredService;
using Platform.Application.Tests.Identity;
using Platform.Application.Tickets.Commands.CreateTicket;
using Platform.Testing;

namespace Platform.Application.Tests.Common;

/// <summary>
/// The transaction contract under injected faults: a commit that never reaches the server, a commit whose
/// acknowledgement is lost, and a connection killed just before COMMIT. Each retry starts clean, nothing is applied
/// twice, and nothing that was reported done is missing.
/// </summary>
public sealed class UnitOfWorkFaultTests : ApplicationTestBase
{
    private FaultInjector faults = null!;
    private ApplicationTestHost faulty = null!;

    [SetUp]
    public void StartFaultyHost()
    {
        faults = new FaultInjector(Database.DataSource);
        faulty = new ApplicationTestHost(Database, configure: services => services.AddSingleton<IInterceptor>(faults));
    }

    [TearDown]
    public async Task StopFaultyHost() => await faulty.DisposeAsync();

    [Test]
    public async Task A_status_change_whose_first_commit_fails_is_retried_and_the_retry_still_tells_the_other_instances()
    {
        var admin = await AdminAsync();
        await using var listener = await ListenAsync("platform_status_changed");
        var cache = faulty.Services.GetRequiredService<StatusPageCache>();
        var generation = cache.Generation;

        faults.Arm(FaultInjector.Fault.FailBeforeCommit);
        var service = await faulty.SendAsync(new CreateMonitoredServiceCommand("api", "API"), admin);

        Assert.Multiple(async () =>
        {
            Assert.That(faults.Injected, Is.EqualTo(1), "the first commit failed");
            Assert.That(await Database.CountAsync("status_services"), Is.EqualTo(1), "the retry committed the service once");
            Assert.That(await listener.NextAsync(TimeSpan.FromSeconds(5)), Is.True, "the committed attempt notified the other instances");
            Assert.That(cache.Generation, Is.EqualTo(generation + 1), "this instance dropped its page once: the failed attempt's after-commit action never ran");
            Assert.That(service.Slug, Is.EqualTo("api"));
        });
    }

    [Test]
    public async Task A_sign_in_whose_commit_fails_is_retried_and_returns_tokens_for_the_session_it_stored()
    {
        var user = await CustomerAsync();
        faults.Arm(FaultInjector.Fault.FailBeforeCommit);

        var tokens = await faulty.SignInAsync(user);

        Assert.Multiple(async () =>
        {
            Assert.That(faults.Injected, Is.EqualTo(1));
            Assert.That(await Database.CountAsync("user_sessions", $"user_id = '{user.Id}'"), Is.EqualTo(1));
            Assert.That(await Database.CountAsync("user_sessions", $"id = '{tokens.SessionId}'"), Is.EqualTo(1), "the returned session exists");
        });
        var refreshed = await faulty.RefreshAsync(tokens.RefreshToken!);
        Assert.That(refreshed.SessionId, Is.EqualTo(tokens.SessionId), "the returned refresh token is the stored one");
    }

    [Test]
    public async Task A_sign_in_whose_commit_acknowledgement_is_lost_starts_one_session_and_its_tokens_work()
    {
        var user = await CustomerAsync();
        faults.Arm(FaultInjector.Fault.LoseCommitAcknowledgement);

        var tokens = await faulty.SignInAsync(user);

        Assert.That(await Database.CountAsync("user_sessions", $"user_id = '{user.Id}'"), Is.EqualTo(1), "verified as committed, not signed in twice");
        Assert.That((await faulty.RefreshAsync(tokens.RefreshToken!)).SessionId, Is.EqualTo(tokens.SessionId));
    }

    [Test]
    public async Task A_command_without_an_idempotency_key_whose_commit_acknowledgement_is_lost_is_applied_once()
    {
        var customer = await CustomerAsync();
        faults.Arm(FaultInjector.Fault.LoseCommitAcknowledgement);

        var ticket = await faulty.SendAsync(new CreateTicketCommand("Printer", "On fire"), customer);

        Assert.Multiple(async () =>
        {
            Assert.That(faults.Injected, Is.EqualTo(1));
            Assert.That(await Database.CountAsync("tickets"), Is.EqualTo(1), "the lost acknowledgement did not create a second ticket");
            Assert.That(await Database.CountAsync("tickets", $"id = '{ticket.Id}'"), Is.EqualTo(1), "the ticket returned is the one stored");
            Assert.That(await Database.CountAsync("audit_log", "action = 'tickets.create'"), Is.EqualTo(1));
            Assert.That(await Database.CountAsync("outbox_messages", "type = 'tickets.created'"), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task A_refresh_whose_commit_acknowledgement_is_lost_is_not_taken_for_token_reuse()
    {
        var user = await CustomerAsync();
        var tokens = await App.SignInAsync(user);
        faults.Arm(FaultInjector.Fault.LoseCommitAcknowledgement);

        var rotated = await faulty.RefreshAsync(tokens.RefreshToken!);

        Assert.Multiple(async () =>
        {
            Assert.That(faults.Injected, Is.EqualTo(1));
            Assert.That(await Database.CountAsync("user_sessions", $"id = '{tokens.SessionId}' AND revoked_at IS NULL"), Is.EqualTo(1), "the session is still live");
            Assert.That(await Database.CountAsync("audit_log", "action = 'sessions.refresh_reuse_detected'"), Is.Zero, "no false breach was audited");
            Assert.That(await Database.CountAsync("outbox_messages", "type = 'sessions.refresh_reuse_detected'"), Is.Zero);
        });
        Assert.That((await faulty.RefreshAsync(rotated.RefreshToken!)).SessionId, Is.EqualTo(tokens.SessionId), "the rotated token is the current one");
    }

    [Test]
    public async Task A_command_whose_connection_is_killed_just_before_commit_is_verified_as_aborted_and_retried_once()
    {
        var customer = await CustomerAsync();
        faults.Arm(FaultInjector.Fault.KillConnectionBeforeCommit);

        var ticket = await faulty.SendAsync(new CreateTicketCommand("Printer", "On fire"), customer);

        Assert.Multiple(async () =>
        {
            Assert.That(faults.Injected, Is.EqualTo(1));
            Assert.That(await Database.CountAsync("tickets"), Is.EqualTo(1));
            Assert.That(await Database.CountAsync("tickets", $"id = '{ticket.Id}'"), Is.EqualTo(1));
            Assert.That(await Database.CountAsync("outbox_messages", "type = 'tickets.created'"), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task An_idempotent_command_whose_commit_acknowledgement_is_lost_is_known_committed_and_answered_as_first_run()
    {
        var customer = await CustomerAsync();
        faults.Arm(FaultInjector.Fault.LoseCommitAcknowledgement);

        // The claim of the new key returned the transaction's id: the verifier asks PostgreSQL about that id, finds it
        // committed, and the attempt's own response is the answer (a retry would have replayed the stored one).
        var (ticket, replayed) = await faulty.SendWithOutcomeAsync(new CreateTicketCommand("Printer", "On fire", IdempotencyKey: "lost-ack-1"), customer);
        var (again, againReplayed) = await faulty.SendWithOutcomeAsync(new CreateTicketCommand("Printer", "On fire", IdempotencyKey: "lost-ack-1"), customer);

        Assert.Multiple(async () =>
        {
            Assert.That(faults.Injected, Is.EqualTo(1));
            Assert.That((replayed, againReplayed), Is.EqualTo((false, true)), "verified as committed, not retried into a replay");
            Assert.That(again.Id, Is.EqualTo(ticket.Id));
            Assert.That(await Database.CountAsync("tickets"), Is.EqualTo(1), "applied once");
            Assert.That(await Database.CountAsync("idempotency_keys", "key = 'lost-ack-1'"), Is.EqualTo(1));
            Assert.That(await Database.CountAsync("audit_log", "action = 'tickets.create'"), Is.EqualTo(1));
            Assert.That(await Database.CountAsync("outbox_messages", "type = 'tickets.created'"), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task An_idempotent_command_whose_connection_is_killed_just_before_commit_is_verified_as_aborted_and_runs_once_more()
    {
        var customer = await CustomerAsync();
        faults.Arm(FaultInjector.Fault.KillConnectionBeforeCommit);

        // The id noted at the claim belongs to the killed transaction: PostgreSQL reports it aborted, so the command
        // runs again (claiming the key anew) instead of being reported done with nothing stored.
        var (ticket, replayed) = await faulty.SendWithOutcomeAsync(new CreateTicketCommand("Printer", "On fire", IdempotencyKey: "killed-1"), customer);

        Assert.Multiple(async () =>
        {
            Assert.That(faults.Injected, Is.EqualTo(1));
            Assert.That(replayed, Is.False);
            Assert.That(await Database.CountAsync("tickets", $"id = '{ticket.Id}'"), Is.EqualTo(1), "the ticket returned is stored");
            Assert.That(await Database.CountAsync("tickets"), Is.EqualTo(1));
            Assert.That(await Database.CountAsync("idempotency_keys", "key = 'killed-1'"), Is.EqualTo(1));
            Assert.That(await Database.CountAsync("outbox_messages", "type = 'tickets.created'"), Is.EqualTo(1));
        });
    }

    private async Task<Listener> ListenAsync(string channel)
    {
        var connection = await Database.DataSource.OpenConnectionAsync();
        var listener = new Listener(connection);
        await using var listen = new NpgsqlCommand($"LISTEN {channel}", connection);
        await listen.ExecuteNonQueryAsync();
        return listener;
    }

    /// <summary>A LISTEN connection, as another instance would hold.</summary>
    private sealed class Listener : IAsyncDisposable
    {
        private readonly NpgsqlConnection connection;
        private int received;

        public Listener(NpgsqlConnection connection)
        {
            this.connection = connection;
            connection.Notification += (_, _) => Interlocked.Increment(ref received);
        }

        public async Task<bool> NextAsync(TimeSpan timeout)
        {
            var deadline = DateTime.UtcNow + timeout;
            while (Volatile.Read(ref received) == 0 && DateTime.UtcNow < deadline)
            {
                await connection.WaitAsync(TimeSpan.FromMilliseconds(200));
            }

            return Volatile.Read(ref received) > 0;
        }

        public ValueTask DisposeAsync() => connection.DisposeAsync();
    }
}
