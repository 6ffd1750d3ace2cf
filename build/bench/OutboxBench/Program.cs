using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Platform.Application.Common.Outbox;
using Platform.Application.Tickets.Commands.CreateTicket;
using Platform.Domain.Identity;
using Platform.Testing;

// Outbox dispatch throughput against the rate at which the real pipeline creates tickets, measured in one run on
// one PostgreSQL, in alternating rounds (create, dispatch, create, dispatch, ...). Each ticket create is idempotent
// and audited and writes one outbox row, so the ratio says how much headroom the dispatcher has over the busiest
// producer we have. Run through build/bench-outbox.sh, which starts a throwaway PostgreSQL.
var options = BenchOptions.Parse(args);
await using var database = await TestDatabase.CreateAsync("outbox_bench");

// One short round first, not counted: the first rounds otherwise measure the JIT (tiered compilation), not us.
await MeasureCreatesAsync(database, options with { CreateSeconds = 3 });
await MeasureDispatchAsync(database, options with { Messages = 5_000 });

var creates = new List<double>();
var dispatches = new List<double>();
for (var round = 1; round <= options.Rounds; round++)
{
    creates.Add(await MeasureCreatesAsync(database, options));
    dispatches.Add(await MeasureDispatchAsync(database, options));
    Console.WriteLine(FormattableString.Invariant(
        $"round {round}: ticket creates {creates[^1],8:0}/s   outbox dispatch {dispatches[^1],8:0}/s"));
}

var create = Median(creates);
var dispatch = Median(dispatches);
Console.WriteLine();
Console.WriteLine(FormattableString.Invariant($"| measure | median | ratio to ticket creates |"));
Console.WriteLine("|---|---|---|");
Console.WriteLine(FormattableString.Invariant($"| ticket creates through the pipeline ({options.CreateConcurrency} concurrent) | {create:0}/s | 1.00 |"));
Console.WriteLine(FormattableString.Invariant($"| outbox messages dispatched to a no-op handler ({options.Instances} instance(s)) | {dispatch:0}/s | {dispatch / create:0.00} |"));
return dispatch >= options.Target ? 0 : 1;

static async Task<double> MeasureCreatesAsync(TestDatabase database, BenchOptions options)
{
    await database.ResetAsync();
    await using var app = new ApplicationTestHost(database);
    var customer = await app.CreateUserAsync(null, Role.Customer);
    var created = 0;
    var clock = Stopwatch.StartNew();
    var until = TimeSpan.FromSeconds(options.CreateSeconds);
    var workers = Enumerable.Range(0, options.CreateConcurrency).Select(async worker =>
    {
        var n = 0;
        while (clock.Elapsed < until)
        {
            var key = string.Create(CultureInfo.InvariantCulture, $"bench-{worker}-{n++}");
            await app.SendAsync(new CreateTicketCommand("Printer on fire", "Third floor, near the window.", "high", key), customer);
            Interlocked.Increment(ref created);
        }
    });
    await Task.WhenAll(workers);
    return created / clock.Elapsed.TotalSeconds;
}

static async Task<double> MeasureDispatchAsync(TestDatabase database, BenchOptions options)
{
    await database.ResetAsync();

    // A payload the size of a ticket as the API shows it, so the claim query moves realistic rows.
    const string payload = """
        {"id":"0193a6f2-3c4e-7d5a-9b1c-2e3f4a5b6c7d","number":1042,"subject":"Printer on fire","body":"Third floor, near the window.",
         "status":"open","priority":"high","requester_id":"0193a6f2-3c4e-7d5a-9b1c-2e3f4a5b6c7e","assignee_id":null,
         "created_at":"2026-12-02T05:00:00.000Z","updated_at":"2026-12-02T05:00:00.000Z","version":1}
        """;
    await using (var insert = database.DataSource.CreateCommand(
        """
        INSERT INTO outbox_messages (id, type, payload, occurred_at, status, attempts, next_attempt_at)
        SELECT gen_random_uuid(), $1, $2::jsonb, now(), 'pending', 0, now() FROM generate_series(1, $3)
        """))
    {
        insert.Parameters.AddWithValue(NoopHandler.EventType);
        insert.Parameters.AddWithValue(payload);
        insert.Parameters.AddWithValue(options.Messages);
        await insert.ExecuteNonQueryAsync();
    }

    var settings = new Dictionary<string, string?>
    {
        ["Outbox:BatchSize"] = options.BatchSize.ToString(CultureInfo.InvariantCulture),
        ["Outbox:MaxConcurrency"] = options.MaxConcurrency.ToString(CultureInfo.InvariantCulture),
    };
    var instances = Enumerable.Range(0, options.Instances)
        .Select(_ => new ApplicationTestHost(database, settings, services => services.AddOutboxHandler<NoopHandler>(NoopHandler.EventType)))
        .ToList();
    try
    {
        var clock = Stopwatch.StartNew();
        foreach (var instance in instances)
        {
            await instance.StartBackgroundServicesAsync();
        }

        while (await database.CountAsync("outbox_messages", "status = 'processed'") < options.Messages)
        {
            if (clock.Elapsed > TimeSpan.FromMinutes(5))
            {
                throw new TimeoutException("The dispatcher did not finish within 5 minutes.");
            }

            await Task.Delay(25);
        }

        return options.Messages / clock.Elapsed.TotalSeconds;
    }
    finally
    {
        foreach (var instance in instances)
        {
            await instance.DisposeAsync();
        }
    }
}

static double Median(List<double> values)
{
    var sorted = values.Order().ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
}

/// <summary>Does nothing: the figure is the dispatcher's own cost (claim, call, complete), not a handler's.</summary>
internal sealed class NoopHandler : IOutboxHandler
{
    public const string EventType = "bench.noop";

    public Task HandleAsync(OutboxEnvelope message, CancellationToken cancellationToken) => Task.CompletedTask;
}

internal sealed record BenchOptions(int Rounds, int Messages, int Instances, int BatchSize, int MaxConcurrency, int CreateSeconds, int CreateConcurrency, double Target)
{
    public static BenchOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            values[args[i].TrimStart('-')] = args[i + 1];
        }

        int Get(string name, int fallback) => values.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        return new BenchOptions(
            Rounds: Get("rounds", 5),
            Messages: Get("messages", 20_000),
            Instances: Get("instances", 1),
            BatchSize: Get("batch-size", 100),
            MaxConcurrency: Get("max-concurrency", 4),
            CreateSeconds: Get("create-seconds", 10),
            CreateConcurrency: Get("create-concurrency", 16),
            Target: Get("target", 5000));
    }
}
