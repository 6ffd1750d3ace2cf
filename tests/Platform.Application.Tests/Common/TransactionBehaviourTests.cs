using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using NUnit.Framework;
using Platform.Application.Tickets.Commands.CreateTicket;
using Platform.Testing;

namespace Platform.Application.Tests.Common;

public sealed class TransactionBehaviourTests : ApplicationTestBase
{
    [Test]
    public async Task A_failure_after_the_save_rolls_back_the_change_its_audit_row_its_idempotency_key_and_its_outbox_row_together()
    {
        var customer = await CustomerAsync();
        var seen = new InsideTransaction();
        // Fails as the commit starts, after the one save has written everything inside the transaction.
        await using var failing = new ApplicationTestHost(Database, configure: services => services.AddSingleton<IInterceptor>(new FailAtCommit(seen)));
        var audits = await Database.CountAsync("audit_log");

        Assert.ThrowsAsync<SimulatedFailureException>(() => failing.SendAsync(new CreateTicketCommand("Printer", "On fire", null, "doomed"), customer));

        Assert.Multiple(async () =>
        {
            Assert.That(seen.Tickets, Is.EqualTo(1), "inside the transaction the ticket was written");
            Assert.That(seen.AuditRows, Is.EqualTo(audits + 1), "inside the transaction the audit row was written");
            Assert.That(seen.Keys, Is.EqualTo(1), "inside the transaction the key was written");
            Assert.That(seen.OutboxRows, Is.EqualTo(1), "inside the transaction the outbox row was written");
            Assert.That(await Database.CountAsync("tickets"), Is.EqualTo(0));
            Assert.That(await Database.CountAsync("audit_log"), Is.EqualTo(audits));
            Assert.That(await Database.CountAsync("idempotency_keys"), Is.EqualTo(0));
            Assert.That(await Database.CountAsync("outbox_messages"), Is.EqualTo(0));
        });
    }

    [Test]
    public async Task The_same_command_without_the_failure_commits_all_three()
    {
        var customer = await CustomerAsync();
        var audits = await Database.CountAsync("audit_log");

        await App.SendAsync(new CreateTicketCommand("Printer", "On fire", null, "fine"), customer);

        Assert.Multiple(async () =>
        {
            Assert.That(await Database.CountAsync("tickets"), Is.EqualTo(1));
            Assert.That(await Database.CountAsync("audit_log"), Is.EqualTo(audits + 1));
            Assert.That(await Database.CountAsync("idempotency_keys"), Is.EqualTo(1));
        });
    }

    private sealed class SimulatedFailureException() : Exception("Simulated failure after the save wrote the change, audit, idempotency and outbox rows.");

    private sealed class InsideTransaction
    {
        public int Tickets { get; set; }

        public int AuditRows { get; set; }

        public int Keys { get; set; }

        public int OutboxRows { get; set; }
    }

    /// <summary>Counts what the transaction wrote, on its own connection, then fails the commit (not transiently: no retry).</summary>
    private sealed class FailAtCommit(InsideTransaction seen) : DbTransactionInterceptor
    {
        public override async ValueTask<InterceptionResult> TransactionCommittingAsync(
            DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
        {
            seen.Tickets = await CountAsync(transaction, "tickets", cancellationToken);
            seen.AuditRows = await CountAsync(transaction, "audit_log", cancellationToken);
            seen.Keys = await CountAsync(transaction, "idempotency_keys", cancellationToken);
            seen.OutboxRows = await CountAsync(transaction, "outbox_messages", cancellationToken);
            throw new SimulatedFailureException();
        }

        private static async Task<int> CountAsync(DbTransaction transaction, string table, CancellationToken cancellationToken)
        {
            await using var command = transaction.Connection!.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = $"SELECT count(*) FROM {table}";
            return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}
