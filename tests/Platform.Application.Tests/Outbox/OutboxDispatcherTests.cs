using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NUnit.Framework;
using Platform.Application.Common.Outbox;
using Platform.Application.Tests.Identity;
using Platform.Application.Tickets.Commands.CreateTicket;
using Platform.Infrastructure.Outbox;
using Platform.Testing;

namespace Platform.Application.Tests.Outbox;

/// <summary>
/// The dispatcher as deployed: several instances on one database, each with its own dispatcher, woken by NOTIFY.
/// Handlers here are test doubles only in what they do with a message (count it, fail, hang); claiming, leasing,
/// retrying and parking are the real ones against the real PostgreSQL.
/// </summary>
public sealed class OutboxDispatcherTests : ApplicationTestBase
{
    private const string Counted = "tests.counted";

    private readonly List<ApplicationTestHost> instances = [];

    [TearDown]
    public async Task StopInstances()
    {
        foreach (var instance in instances)
        {
            await instance.DisposeAsync();
        }

        instances.Clear();
    }

    [Test]
    public async Task Two_instances_deliver_every_message_exactly_once_while_messages_keep_arriving()
    {
        var deliveries = new Deliveries();
        await StartInstanceAsync(deliveries, ("Outbox:BatchSize", "50"));
        await StartInstanceAsync(deliveries, ("Outbox:BatchSize", "50"));

        for (var i = 0; i < 10; i++)
        {
            await InsertAsync(Counted, 500);
        }

        await WaitUntilAsync(async () => await Database.CountAsync("outbox_messages", "status = 'processed'") == 5000, TimeSpan.FromSeconds(60));
        Assert.Multiple(async () =>
        {
            Assert.That(deliveries.Count.Count, Is.EqualTo(5000), "every message was delivered");
            Assert.That(deliveries.Count.Values.Where(n => n != 1), Is.Empty, "none was delivered twice");
            Assert.That(deliveries.ByOwner.Keys, Has.Count.EqualTo(2), "both instances took a share");
            Assert.That(await Database.CountAsync("outbox_messages", "status <> 'processed' OR locked_until IS NOT NULL"), Is.Zero);
        });
    }

    [Test]
    public async Task A_message_that_keeps_failing_is_parked_after_its_last_attempt_while_the_others_flow()
    {
        var deliveries = new Deliveries { FailWhen = payload => payload.Contains("poison", StringComparison.Ordinal) };
        await StartInstanceAsync(deliveries, ("Outbox:MaxAttempts", "3"), ("Outbox:RetryBaseDelay", "00:00:00.400"), ("Outbox:PollInterval", "00:00:00.100"));

        await InsertAsync(Counted, 1, """{"poison": true}""");
        await InsertAsync(Counted, 200);

        await WaitUntilAsync(async () => await Database.CountAsync("outbox_messages", "status = 'failed'") == 1, TimeSpan.FromSeconds(30));
        var poison = await Database.ScalarAsync<string>("SELECT concat_ws('|', attempts, last_error, failed_at > processed_max) FROM outbox_messages, (SELECT max(processed_at) AS processed_max FROM outbox_messages) p WHERE status = 'failed'");
        Assert.Multiple(async () =>
        {
            Assert.That(await Database.CountAsync("outbox_messages", "status = 'processed'"), Is.EqualTo(200), "the others were all delivered");
            Assert.That(poison, Does.StartWith("3|InvalidOperationException: Simulated handler failure"), "three attempts, and the error kept");
            Assert.That(poison, Does.EndWith("|t"), "the others were done before the poison message gave up: it never blocked them");
            Assert.That(deliveries.Failures, Is.EqualTo(3));
        });
    }

    [Test]
    public async Task Retries_back_off_the_next_attempt_is_scheduled_later_each_time()
    {
        var deliveries = new Deliveries { FailWhen = _ => true };
        await StartInstanceAsync(deliveries, ("Outbox:MaxAttempts", "5"), ("Outbox:RetryBaseDelay", "00:00:01"), ("Outbox:PollInterval", "00:00:00.100"));

        await InsertAsync(Counted, 1);
        await WaitUntilAsync(async () => await Database.CountAsync("outbox_messages", "attempts = 2 AND locked_until IS NULL") == 1, TimeSpan.FromSeconds(15));

        var gaps = deliveries.AttemptTimes.Zip(deliveries.AttemptTimes.Skip(1), (a, b) => b - a).ToList();
        Assert.That(gaps, Has.Count.GreaterThanOrEqualTo(1));
        Assert.That(gaps[0], Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(450)), "at least half the 1 s base delay after the first failure (equal jitter)");
        var next = await Database.ScalarAsync<double>("SELECT extract(epoch FROM next_attempt_at - now())::float8 FROM outbox_messages");
        Assert.That(next, Is.GreaterThan(0.5), "the third attempt waits for at least half of the doubled delay");
    }

    [Test]
    public async Task Messages_held_by_an_instance_that_died_mid_dispatch_are_delivered_by_another_once_the_lease_runs_out()
    {
        var hung = new Deliveries { Hang = true };
        var dead = await StartInstanceAsync(hung, ("Outbox:LeaseDuration", "00:00:02"), ("Outbox:HandlerTimeout", "00:00:01"));
        await InsertAsync(Counted, 20);
        await WaitUntilAsync(() => Task.FromResult(hung.Started.Count == 4), TimeSpan.FromSeconds(10));
        Assert.That(await Database.CountAsync("outbox_messages", "locked_until > now()"), Is.EqualTo(20), "the dying instance holds the whole batch");

        // The first instance stops answering, as if killed: it never finishes nor gives anything back. A second one
        // starts and takes over what the first held once the leases expire.
        var deliveries = new Deliveries();
        var started = Stopwatch.StartNew();
        await StartInstanceAsync(deliveries, ("Outbox:PollInterval", "00:00:00.200"));
        await WaitUntilAsync(async () => await Database.CountAsync("outbox_messages", "status = 'processed'") == 20, TimeSpan.FromSeconds(20));

        Assert.Multiple(() =>
        {
            Assert.That(deliveries.Count.Keys, Has.Count.EqualTo(20), "every message the dead instance held was delivered");
            Assert.That(deliveries.Count.Values.Distinct(), Is.EqualTo(new[] { 1 }));
            Assert.That(started.Elapsed, Is.GreaterThan(TimeSpan.FromSeconds(1)), "not before the lease ran out");
        });
        hung.Release();
        instances.Remove(dead);
        await dead.DisposeAsync();
    }

    [Test]
    public async Task Stopping_an_instance_gives_back_what_it_had_not_finished_so_another_takes_it_at_once()
    {
        var slow = new Deliveries { Hang = true, HonourCancellation = true };
        var stopping = await StartInstanceAsync(slow, ("Outbox:LeaseDuration", "00:05:00"), ("Outbox:HandlerTimeout", "00:04:00"));
        await InsertAsync(Counted, 10);
        await WaitUntilAsync(() => Task.FromResult(slow.Started.Count == 4), TimeSpan.FromSeconds(10));

        instances.Remove(stopping);
        await stopping.DisposeAsync();
        Assert.That(await Database.CountAsync("outbox_messages", "status = 'pending' AND locked_until IS NULL AND next_attempt_at <= now()"), Is.EqualTo(10),
            "released, not left to a five-minute lease");

        var deliveries = new Deliveries();
        await StartInstanceAsync(deliveries);
        await WaitUntilAsync(async () => await Database.CountAsync("outbox_messages", "status = 'processed'") == 10, TimeSpan.FromSeconds(10));
    }

    [Test]
    public async Task A_commit_wakes_a_dispatcher_within_a_second_even_when_polling_is_slow()
    {
        var deliveries = new Deliveries();
        await StartInstanceAsync(deliveries, ("Outbox:PollInterval", "00:01:00"));
        var customer = await CustomerAsync();
        var committed = new Dictionary<Guid, TimeSpan>();

        for (var i = 0; i < 30; i++)
        {
            var ticket = await App.SendAsync(new CreateTicketCommand($"Ticket {i}", "Body"), customer);
            committed[ticket.Id] = deliveries.Clock.Elapsed;
            await Task.Delay(50);
        }

        await WaitUntilAsync(() => Task.FromResult(deliveries.TicketsHandledAt.Count == 30), TimeSpan.FromSeconds(10));
        var latencies = committed.Select(c => deliveries.TicketsHandledAt[c.Key] - c.Value).Order().ToList();
        var p99 = latencies[(int)Math.Ceiling(latencies.Count * 0.99) - 1];
        TestContext.Out.WriteLine($"commit to handler: p50 {latencies[latencies.Count / 2].TotalMilliseconds:0} ms, p99 {p99.TotalMilliseconds:0} ms");
        Assert.That(p99, Is.LessThan(TimeSpan.FromSeconds(1)));
    }

    private async Task<ApplicationTestHost> StartInstanceAsync(Deliveries deliveries, params (string Key, string Value)[] settings)
    {
        var values = settings.ToDictionary(s => s.Key, s => (string?)s.Value);
        var instance = new ApplicationTestHost(Database, values, services =>
        {
            services.AddSingleton(deliveries);
            services.AddOutboxHandler<RecordingHandler>(Counted, IntegrationEventTypes.TicketsCreated);
        });
        instances.Add(instance);
        await instance.StartBackgroundServicesAsync();
        return instance;
    }

    private Task InsertAsync(string type, int count, string payload = """{"n": 0}""") =>
        Database.ExecuteAsync(
            """
            INSERT INTO outbox_messages (id, type, payload, occurred_at, status, attempts, next_attempt_at)
            SELECT gen_random_uuid(), $1, $2::jsonb, now(), 'pending', 0, now() FROM generate_series(1, $3)
            """,
            type,
            payload,
            count);

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (!await condition())
        {
            if (deadline.Elapsed > timeout)
            {
                Assert.Fail($"condition not met within {timeout.TotalSeconds} s");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>What the handlers saw, shared by every instance of a test.</summary>
    private sealed class Deliveries
    {
        private readonly TaskCompletionSource released = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int failures;

        public Stopwatch Clock { get; } = Stopwatch.StartNew();

        public ConcurrentDictionary<Guid, int> Count { get; } = new();

        public ConcurrentDictionary<string, int> ByOwner { get; } = new();

        public ConcurrentDictionary<Guid, TimeSpan> TicketsHandledAt { get; } = new();

        public ConcurrentBag<Guid> Started { get; } = [];

        public List<TimeSpan> AttemptTimes { get; } = [];

        public Func<string, bool>? FailWhen { get; init; }

        public bool Hang { get; init; }

        public bool HonourCancellation { get; init; }

        public int Failures => Volatile.Read(ref failures);

        public void Release() => released.TrySetResult();

        public async Task HandleAsync(OutboxEnvelope message, CancellationToken cancellationToken)
        {
            lock (AttemptTimes)
            {
                AttemptTimes.Add(Clock.Elapsed);
            }

            if (Hang)
            {
                Started.Add(message.Id);
                await (HonourCancellation ? released.Task.WaitAsync(cancellationToken) : released.Task);
            }

            if (FailWhen?.Invoke(message.Payload) == true)
            {
                Interlocked.Increment(ref failures);
                throw new InvalidOperationException("Simulated handler failure.");
            }

            if (message.Type == IntegrationEventTypes.TicketsCreated)
            {
                using var payload = JsonDocument.Parse(message.Payload);
                TicketsHandledAt[payload.RootElement.GetProperty("id").GetGuid()] = Clock.Elapsed;
            }

            Count.AddOrUpdate(message.Id, 1, (_, n) => n + 1);
        }
    }

    private sealed class RecordingHandler(Deliveries deliveries, OutboxDispatcher dispatcher) : IOutboxHandler
    {
        public async Task HandleAsync(OutboxEnvelope message, CancellationToken cancellationToken)
        {
            await deliveries.HandleAsync(message, cancellationToken);
            deliveries.ByOwner.AddOrUpdate(dispatcher.Owner, 1, (_, n) => n + 1);
        }
    }
}
