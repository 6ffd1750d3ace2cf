using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NUnit.Framework;
using Platform.Application.Common.Interfaces;
using Platform.Application.Tickets.Commands.CreateTicket;
using Platform.Testing;

namespace Platform.Application.Tests.Common;

public sealed class TransactionBehaviourTests : ApplicationTestBase
{
    [Test]
    public async Task A_failure_after_the_handler_rolls_back_the_change_its_audit_row_and_its_idempotency_key_together()
    {
        var customer = await CustomerAsync();
        var seen = new InsideTransaction();
        await using var failing = new ApplicationTestHost(Database, configure: services =>
        {
            // Sits just inside the transaction, outside idempotency and audit: it fails after both have written.
            var transaction = services.Single(d => d.ServiceType == typeof(IPipelineBehavior<,>) && d.ImplementationType!.Name.StartsWith("TransactionBehaviour", StringComparison.Ordinal));
            services.Insert(services.IndexOf(transaction) + 1, ServiceDescriptor.Scoped(typeof(IPipelineBehavior<,>), typeof(FailAfterHandlerBehaviour<,>)));
            services.AddSingleton(seen);
        });
        var audits = await Database.CountAsync("audit_log");

        Assert.ThrowsAsync<SimulatedFailureException>(() => failing.SendAsync(new CreateTicketCommand("Printer", "On fire", null, "doomed"), customer));

        Assert.Multiple(async () =>
        {
            Assert.That(seen.Tickets, Is.EqualTo(1), "inside the transaction the ticket was written");
            Assert.That(seen.AuditRows, Is.EqualTo(audits + 1), "inside the transaction the audit row was written");
            Assert.That(seen.Keys, Is.EqualTo(1), "inside the transaction the key was written");
            Assert.That(await Database.CountAsync("tickets"), Is.EqualTo(0));
            Assert.That(await Database.CountAsync("audit_log"), Is.EqualTo(audits));
            Assert.That(await Database.CountAsync("idempotency_keys"), Is.EqualTo(0));
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

    private sealed class SimulatedFailureException() : Exception("Simulated failure after the handler, audit and idempotency wrote their rows.");

    private sealed class InsideTransaction
    {
        public int Tickets { get; set; }

        public int AuditRows { get; set; }

        public int Keys { get; set; }
    }

    private sealed class FailAfterHandlerBehaviour<TRequest, TResponse>(IPlatformDbContext db, InsideTransaction seen) : IPipelineBehavior<TRequest, TResponse>
        where TRequest : IRequest<TResponse>
    {
        public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
        {
            var response = await next();
            if (request is CreateTicketCommand)
            {
                seen.Tickets = await db.Tickets.CountAsync(cancellationToken);
                seen.AuditRows = await db.AuditEntries.CountAsync(cancellationToken);
                seen.Keys = await db.IdempotencyRecords.CountAsync(cancellationToken);
                throw new SimulatedFailureException();
            }

            return response;
        }
    }
}
