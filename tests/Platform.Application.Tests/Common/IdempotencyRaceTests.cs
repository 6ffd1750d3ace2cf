using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using NUnit.Framework;
using Platform.Application.Common.Errors;
using Platform.Application.Tickets.Commands.CreateTicket;
using Platform.Testing;

namespace Platform.Application.Tests.Common;

/// <summary>
/// The idempotency lock and the lookup of the stored key are one statement, whose snapshot is taken a moment before
/// the lock: a same-key request that commits in that moment is not seen. Here that request's key is committed from
/// another connection just before this command saves, which is where such a request would show up.
/// </summary>
public sealed class IdempotencyRaceTests : ApplicationTestBase
{
    [Test]
    public async Task A_same_key_request_that_committed_after_the_lookup_makes_this_one_in_progress_and_writes_nothing()
    {
        var customer = await CustomerAsync();
        var rival = new RivalCommit(Database, $"user:{customer.Id}", nameof(CreateTicketCommand), "raced-key");
        await using var host = new ApplicationTestHost(Database, configure: services => services.AddSingleton<IInterceptor>(rival));

        var error = Assert.ThrowsAsync<ConflictException>(() =>
            host.SendAsync(new CreateTicketCommand("Printer", "On fire", null, "raced-key"), customer));

        Assert.Multiple(async () =>
        {
            Assert.That(error!.Code, Is.EqualTo("idempotency.in_progress"), "the client retries and gets the other request's answer");
            Assert.That(rival.Committed, Is.True);
            Assert.That(await Database.CountAsync("tickets"), Is.EqualTo(0), "this command's ticket was rolled back");
            Assert.That(await Database.CountAsync("idempotency_keys"), Is.EqualTo(1), "only the other request's key is stored");
        });
    }

    /// <summary>Commits another request's record for the key from a separate connection, once, as the command saves.</summary>
    private sealed class RivalCommit(TestDatabase database, string scope, string operation, string key) : SaveChangesInterceptor
    {
        public bool Committed { get; private set; }

        public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
            DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (!Committed)
            {
                Committed = true;
                await using var insert = database.DataSource.CreateCommand("""
                    INSERT INTO idempotency_keys (id, scope, operation, key, request_fingerprint, response_json, created_at, expires_at)
                    VALUES (gen_random_uuid(), $1, $2, $3, 'rival', 'null', now(), now() + interval '1 day')
                    """);
                insert.Parameters.AddWithValue(scope);
                insert.Parameters.AddWithValue(operation);
                insert.Parameters.AddWithValue(key);
                await insert.ExecuteNonQueryAsync(cancellationToken);
            }

            return result;
        }
    }
}
