using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NpgsqlTypes;
using Platform.Application.Tickets.Commands.CreateTicket;
using Platform.Application.Webhooks.Commands.CreateWebhookEndpoint;
using Platform.Domain.Common;
using Platform.Domain.Identity;
using Platform.Testing;

// Webhook delivery throughput: messages seeded straight into webhook_messages (so the figure is delivery, not ticket
// creation) are sent by Platform's real delivery worker (claim under a lease, sign, POST through the "webhooks"
// client with its resilience pipeline, record the attempt) to a local Kestrel receiver that answers 204. Next to it,
// in alternating rounds of the same run, the bare rate of the same receiver: a plain HttpClient loop posting the same
// body and headers at the worker's concurrency. Then the time from a ticket's commit (through the real pipeline,
// outbox and fan-out) to its receipt, at light load. Run through build/bench-webhooks.sh, which starts a throwaway
// PostgreSQL.
var options = BenchOptions.Parse(args);
await using var receiver = await Receiver.StartAsync();
await using var database = await TestDatabase.CreateAsync("webhook_bench");
var settings = new Dictionary<string, string?>
{
    ["Webhooks:AllowedHosts:0"] = "127.0.0.1",
    ["Webhooks:Delivery:MaxConcurrency"] = options.MaxConcurrency.ToString(CultureInfo.InvariantCulture),
    ["Webhooks:Delivery:MaxConcurrencyPerEndpoint"] = options.PerEndpoint.ToString(CultureInfo.InvariantCulture),
    ["Webhooks:Delivery:BatchSize"] = options.BatchSize.ToString(CultureInfo.InvariantCulture),
};
Console.WriteLine(FormattableString.Invariant(
    $"{options.Messages} messages over {options.Endpoints} endpoints per round; worker MaxConcurrency {options.MaxConcurrency}, per endpoint {options.PerEndpoint}, batch {options.BatchSize}; bare loop concurrency {options.MaxConcurrency}"));

// One short round of each first, not counted: the first rounds otherwise measure the JIT, not us.
await MeasureDeliveryAsync(database, receiver, settings, options with { Messages = Math.Min(options.Messages, 3_000) });
await MeasureBareAsync(receiver, options with { Messages = Math.Min(options.Messages, 3_000) });

var deliveries = new List<double>();
var bare = new List<double>();
for (var round = 1; round <= options.Rounds; round++)
{
    bare.Add(await MeasureBareAsync(receiver, options));
    deliveries.Add(await MeasureDeliveryAsync(database, receiver, settings, options));
    Console.WriteLine(FormattableString.Invariant(
        $"round {round}: bare HTTP {bare[^1],8:0}/s   webhook deliveries {deliveries[^1],8:0}/s   ratio {deliveries[^1] / bare[^1]:0.00}"));
}

var latencies = await MeasureLatencyAsync(database, receiver, settings, options);
var delivery = Median(deliveries);
var plain = Median(bare);
Console.WriteLine();
Console.WriteLine("| measure | median | ratio to bare HTTP |");
Console.WriteLine("|---|---|---|");
Console.WriteLine(FormattableString.Invariant($"| bare HTTP POSTs to the receiver ({options.MaxConcurrency} concurrent) | {plain:0}/s | 1.00 |"));
Console.WriteLine(FormattableString.Invariant($"| webhook deliveries by the worker ({options.Endpoints} endpoints) | {delivery:0}/s | {delivery / plain:0.00} |"));
Console.WriteLine(FormattableString.Invariant(
    $"| ticket commit to receipt, {latencies.Count} tickets at {options.LatencyRate}/s | p50 {Percentile(latencies, 0.50):0.0} ms, p99 {Percentile(latencies, 0.99):0.0} ms, max {latencies.Max():0.0} ms | |"));
return delivery >= options.Target ? 0 : 1;

static async Task<double> MeasureDeliveryAsync(TestDatabase database, Receiver receiver, Dictionary<string, string?> settings, BenchOptions options)
{
    await database.ResetAsync();
    await using (var setup = new ApplicationTestHost(database, settings))
    {
        var admin = await setup.CreateUserAsync(null, Role.Admin);
        var endpoints = new List<Guid>();
        for (var i = 0; i < options.Endpoints; i++)
        {
            var created = await setup.SendAsync(
                new CreateWebhookEndpointCommand(new Uri(receiver.BaseUrl, $"/bench/{i}").ToString(), "bench", ["tickets.created"]), admin);
            endpoints.Add(created.Id);
        }

        var now = DateTimeOffset.UtcNow;
        var ids = Enumerable.Range(0, options.Messages).Select(_ => Uuid7.Create(now)).ToArray();
        var owners = Enumerable.Range(0, options.Messages).Select(i => endpoints[i % endpoints.Count]).ToArray();
        await using var insert = database.DataSource.CreateCommand(
            """
            INSERT INTO webhook_messages (id, endpoint_id, event_id, event_type, body, status, attempts, round_attempts, next_attempt_at, created_at)
            SELECT m.id, m.endpoint_id, gen_random_uuid(), 'tickets.created', $3, 'pending', 0, 0, now(), now()
            FROM unnest($1, $2) AS m (id, endpoint_id)
            """);
        insert.Parameters.Add(new Npgsql.NpgsqlParameter { Value = ids, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid });
        insert.Parameters.Add(new Npgsql.NpgsqlParameter { Value = owners, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid });
        insert.Parameters.AddWithValue(Payload.Body);
        await insert.ExecuteNonQueryAsync();
        await using var analyze = database.DataSource.CreateCommand("ANALYZE webhook_messages");
        await analyze.ExecuteNonQueryAsync();
    }

    var before = receiver.Count;
    await using var host = new ApplicationTestHost(database, settings);
    var clock = Stopwatch.StartNew();
    await host.StartBackgroundServicesAsync();
    while (receiver.Count - before < options.Messages)
    {
        Guard(clock, "The receiver did not get every message");
        await Task.Delay(10);
    }

    // Delivered means recorded as delivered, not merely sent.
    while (await database.CountAsync("webhook_messages", "status = 'delivered'") < options.Messages)
    {
        Guard(clock, "Not every message was recorded as delivered");
        await Task.Delay(10);
    }

    var rate = options.Messages / clock.Elapsed.TotalSeconds;
    var sent = receiver.Count - before;
    if (sent != options.Messages)
    {
        Console.WriteLine(FormattableString.Invariant($"  note: the receiver got {sent} requests for {options.Messages} messages"));
    }

    return rate;
}

static async Task<double> MeasureBareAsync(Receiver receiver, BenchOptions options)
{
    using var handler = new SocketsHttpHandler { PooledConnectionLifetime = Timeout.InfiniteTimeSpan, UseProxy = false, AllowAutoRedirect = false };
    using var client = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(15) };
    var body = Encoding.UTF8.GetBytes(Payload.Body);
    var next = -1;
    var clock = Stopwatch.StartNew();
    var workers = Enumerable.Range(0, options.MaxConcurrency).Select(async _ =>
    {
        int n;
        while ((n = Interlocked.Increment(ref next)) < options.Messages)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(receiver.BaseUrl, $"/bare/{n % options.Endpoints}")) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            request.Headers.TryAddWithoutValidation("webhook-id", Guid.NewGuid().ToString());
            request.Headers.TryAddWithoutValidation("webhook-timestamp", DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
            request.Headers.TryAddWithoutValidation("webhook-signature", "v1,bare-loop-sends-no-real-signature-but-the-same-size-0000=");
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            if ((int)response.StatusCode != 204)
            {
                throw new InvalidOperationException($"The receiver answered {(int)response.StatusCode}.");
            }
        }
    });
    await Task.WhenAll(workers);
    return options.Messages / clock.Elapsed.TotalSeconds;
}

static async Task<List<double>> MeasureLatencyAsync(TestDatabase database, Receiver receiver, Dictionary<string, string?> settings, BenchOptions options)
{
    await database.ResetAsync();
    await using var host = new ApplicationTestHost(database, settings);
    var admin = await host.CreateUserAsync(null, Role.Admin);
    var customer = await host.CreateUserAsync(null, Role.Customer);
    await host.SendAsync(new CreateWebhookEndpointCommand(new Uri(receiver.BaseUrl, "/latency").ToString(), "bench", ["tickets.created"]), admin);
    await host.StartBackgroundServicesAsync();
    receiver.TrackTickets();

    // Open loop: ticket i is created at i / rate seconds, whatever the answers before it did.
    var committed = new ConcurrentDictionary<Guid, long>();
    var clock = Stopwatch.StartNew();
    var creates = Enumerable.Range(0, options.LatencyEvents).Select(async i =>
    {
        var due = TimeSpan.FromSeconds(i / (double)options.LatencyRate);
        if (due > clock.Elapsed)
        {
            await Task.Delay(due - clock.Elapsed);
        }

        var ticket = await host.SendAsync(new CreateTicketCommand("Printer on fire", "Third floor, near the window.", "high"), customer);
        committed[ticket.Id] = Stopwatch.GetTimestamp();
    }).ToList();
    await Task.WhenAll(creates);
    while (receiver.TicketsReceived < options.LatencyEvents)
    {
        Guard(clock, "Not every ticket reached the receiver");
        await Task.Delay(10);
    }

    return [.. committed.Select(c => Stopwatch.GetElapsedTime(c.Value, receiver.ReceivedAt(c.Key)).TotalMilliseconds)];
}

static void Guard(Stopwatch clock, string what)
{
    if (clock.Elapsed > TimeSpan.FromMinutes(5))
    {
        throw new TimeoutException(what + " within 5 minutes.");
    }
}

static double Median(List<double> values) => Percentile(values, 0.5);

static double Percentile(List<double> values, double p)
{
    var sorted = values.Order().ToList();
    var rank = p * (sorted.Count - 1);
    var low = (int)Math.Floor(rank);
    var high = (int)Math.Ceiling(rank);
    return sorted[low] + ((sorted[high] - sorted[low]) * (rank - low));
}

/// <summary>A ticket as the API shows it, inside the webhook envelope: the size of a real message.</summary>
internal static class Payload
{
    public const string Body = """
        {"type":"tickets.created","timestamp":"2026-12-02T05:00:00.000Z","data":{"id":"0193a6f2-3c4e-7d5a-9b1c-2e3f4a5b6c7d","number":1042,"subject":"Printer on fire","body":"Third floor, near the window.","status":"open","priority":"high","requester_id":"0193a6f2-3c4e-7d5a-9b1c-2e3f4a5b6c7e","assignee_id":null,"created_at":"2026-12-02T05:00:00.000Z","updated_at":"2026-12-02T05:00:00.000Z","version":1}}
        """;
}

/// <summary>
/// The receiver: Kestrel on 127.0.0.1, reads each body and answers 204. It counts requests and, once asked, notes
/// when each ticket's message (by <c>data.id</c>) first arrived.
/// </summary>
internal sealed class Receiver : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentDictionary<Guid, long> tickets = new();
    private long count;
    private volatile bool tracking;

    private Receiver(WebApplication app, Uri baseUrl)
    {
        this.app = app;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    public long Count => Interlocked.Read(ref count);

    public int TicketsReceived => tickets.Count;

    public static async Task<Receiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        Receiver? receiver = null;
        app.Run(async context =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body, context.RequestAborted);
            if (receiver!.tracking)
            {
                var at = Stopwatch.GetTimestamp();
                using var json = JsonDocument.Parse(body.ToArray());
                receiver.tickets.TryAdd(json.RootElement.GetProperty("data").GetProperty("id").GetGuid(), at);
            }

            Interlocked.Increment(ref receiver.count);
            context.Response.StatusCode = StatusCodes.Status204NoContent;
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        receiver = new Receiver(app, new Uri(address));
        return receiver;
    }

    public void TrackTickets() => tracking = true;

    public long ReceivedAt(Guid ticketId) => tickets[ticketId];

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}

internal sealed record BenchOptions(
    int Rounds, int Messages, int Endpoints, int MaxConcurrency, int PerEndpoint, int BatchSize, int LatencyEvents, int LatencyRate, double Target)
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
            Rounds: Get("rounds", 3),
            Messages: Get("messages", 20_000),
            Endpoints: Get("endpoints", 16),
            MaxConcurrency: Get("max-concurrency", 32),
            PerEndpoint: Get("per-endpoint", 4),
            BatchSize: Get("batch-size", 50),
            LatencyEvents: Get("latency-events", 1_000),
            LatencyRate: Get("latency-rate", 50),
            Target: Get("target", 2000));
    }
}
