using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NUnit.Framework;
using Platform.Application.Common.Interfaces;
using Platform.Domain.Tickets;
using Platform.Infrastructure.Persistence;

namespace Platform.Application.Tests.Persistence;

/// <summary>
/// The list queries the API runs use an index on realistic data (20,000 tickets from 200 requesters), checked with
/// EXPLAIN on the SQL that EF Core generates for them.
/// </summary>
public sealed class QueryPlanTests : ApplicationTestBase
{
    [Test]
    public async Task Ticket_lists_read_through_indexes_not_sequential_scans()
    {
        await SeedAsync();
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var requester = await db.Tickets.Select(t => t.RequesterId).FirstAsync();
        var position = await db.Tickets.OrderByDescending(t => t.CreatedAt).Skip(500).Select(t => new { t.CreatedAt, t.Id }).FirstAsync();

        IQueryable<Ticket> Newest(IQueryable<Ticket> q) => q.OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id).Take(21);

        var queries = new Dictionary<string, IQueryable<Ticket>>
        {
            ["staff, newest first"] = Newest(db.Tickets),
            ["customer's own"] = Newest(db.Tickets.Where(t => t.RequesterId == requester)),
            ["by status"] = Newest(db.Tickets.Where(t => t.Status == TicketStatus.Pending)),
            ["by priority"] = Newest(db.Tickets.Where(t => t.Priority == TicketPriority.Urgent)),
            ["keyset page"] = Newest(db.Tickets.Where(t => t.CreatedAt < position.CreatedAt || (t.CreatedAt == position.CreatedAt && t.Id.CompareTo(position.Id) < 0))),
        };

        var plans = new Dictionary<string, string>();
        foreach (var (name, query) in queries)
        {
            plans[name] = await ExplainAsync(db, query.ToQueryString());
        }

        Assert.Multiple(() =>
        {
            foreach (var (name, plan) in plans)
            {
                Assert.That(plan, Does.Contain("Index").And.Not.Contain("Seq Scan on tickets"), $"{name}:\n{plan}");
            }
        });
    }

    private async Task SeedAsync()
    {
        await using var command = Database.DataSource.CreateCommand(
            """
            INSERT INTO users (id, email, normalized_email, display_name, password_hash, roles, created_at, updated_at)
            SELECT gen_random_uuid(), 'u' || i || '@example.com', 'U' || i || '@EXAMPLE.COM', 'U', 'x', ARRAY['customer'], now(), now()
            FROM generate_series(1, 200) AS i;
            INSERT INTO tickets (id, subject, body, priority, status, requester_id, assignee_id, created_at, updated_at, version)
            SELECT gen_random_uuid(), 'Subject ' || i, 'Body', (ARRAY['low','normal','high','urgent'])[1 + i % 4],
                   (ARRAY['open','pending','resolved','closed'])[1 + (i / 7) % 4],
                   (SELECT id FROM users ORDER BY id OFFSET (i % 200) LIMIT 1), NULL,
                   now() - make_interval(secs => i), now(), 1
            FROM generate_series(1, 20000) AS i;
            ANALYZE users;
            ANALYZE tickets;
            """);
        command.CommandTimeout = 120;
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>EXPLAINs EF's SQL with its parameters inlined as literals (ToQueryString declares them in front).</summary>
    private static async Task<string> ExplainAsync(PlatformDbContext db, string queryString)
    {
        var lines = queryString.Split('\n');
        var parameters = lines.Where(l => l.StartsWith("-- @", StringComparison.Ordinal))
            .Select(l => l[3..].Split('=', 2))
            .ToDictionary(p => p[0].Trim(), p => p[1].Split(" (", 2)[0].Trim());
        var sql = string.Join('\n', lines.Where(l => !l.StartsWith("--", StringComparison.Ordinal)));
        foreach (var (name, value) in parameters.OrderByDescending(p => p.Key.Length))
        {
            sql = sql.Replace(name, value, StringComparison.Ordinal);
        }

        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "EXPLAIN " + sql;
            var plan = new List<string>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                plan.Add(reader.GetString(0));
            }

            return string.Join('\n', plan);
        }
        finally
        {
            await connection.CloseAsync();
        }
    }
}
