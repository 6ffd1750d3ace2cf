using System.Globalization;
using System.Net.Http.Headers;
using NUnit.Framework;
using Platform.Api.Tests.Infrastructure;

namespace Platform.Api.Tests;

/// <summary>
/// The per-user tier with a limit large enough to be counted in batches (60 a window: batches of 3), on two API
/// instances over one database, as behind a load balancer. Hits that no batch carries reach the shared counter from
/// each instance's background flush, not from a later request.
/// </summary>
public sealed class BatchedRateLimitTests : ApiTestBase
{
    private const int Limit = 60;
    private const int Batch = Limit / 20;
    private const int WindowSeconds = 3600;

    private static readonly TimeSpan Margin = TimeSpan.FromSeconds(30);

    /// <summary>How long a test waits for a background flush (every second) before it gives up.</summary>
    private static readonly TimeSpan FlushDeadline = TimeSpan.FromSeconds(15);

    private PlatformApiFactory hostB = null!;

    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?>
    {
        ["RateLimiting:Authenticated:PermitLimit"] = Limit.ToString(CultureInfo.InvariantCulture),
        ["RateLimiting:Authenticated:WindowSeconds"] = WindowSeconds.ToString(CultureInfo.InvariantCulture),
    };

    [OneTimeSetUp]
    public void StartSecondHost()
    {
        hostB = new PlatformApiFactory(ApiDatabase.Instance, Settings);
        using var warmUp = hostB.CreateClient();
    }

    [OneTimeTearDown]
    public async Task StopSecondHost() => await hostB.DisposeAsync();

    /// <summary>Windows are aligned to the epoch on the database's clock: keep every test's hits inside one.</summary>
    [SetUp]
    public async Task EnsureWellInsideAWindowAsync()
    {
        await using var command = Database.DataSource.CreateCommand("SELECT $1 - (floor(extract(epoch FROM now()))::bigint % $1)");
        command.Parameters.AddWithValue((long)WindowSeconds);
        var secondsLeft = Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
        if (secondsLeft < Margin.TotalSeconds)
        {
            await Task.Delay(TimeSpan.FromSeconds(secondsLeft + 1));
        }
    }

    [Test]
    public async Task A_quiet_users_last_request_reaches_the_shared_counter_without_another_request_and_the_other_instance_counts_it()
    {
        var (userId, token) = await SignUpAsync();
        using var onA = ClientOf(Factory, token);
        using var onB = ClientOf(hostB, token);

        Assert.That((int)(await onA.GetAsync("/api/v1/me")).StatusCode, Is.EqualTo(200)); // first hit here: sent at once
        Assert.That((int)(await onA.GetAsync("/api/v1/me")).StatusCode, Is.EqualTo(200)); // one of a batch of 3: kept in memory

        // The user makes no further request on A, and no batch fills: only A's background flush can send the hit.
        var stored = await WaitForStoredHitsAsync(userId, 2);
        var onSecondInstance = await onB.GetAsync("/api/v1/me");

        Assert.Multiple(() =>
        {
            Assert.That(stored, Is.EqualTo(2), "A's second hit reached the shared counter without a request carrying it");
            Assert.That((int)onSecondInstance.StatusCode, Is.EqualTo(200));
            Assert.That(Header(onSecondInstance, "X-RateLimit-Remaining"), Is.EqualTo((Limit - 3).ToString(CultureInfo.InvariantCulture)), "B's first request sees both of A's hits");
        });
    }

    [Test]
    public async Task A_user_whose_requests_alternate_between_two_instances_is_held_to_the_limit_within_a_batch_per_instance()
    {
        var (userId, token) = await SignUpAsync();
        using var onA = ClientOf(Factory, token);
        using var onB = ClientOf(hostB, token);

        var admitted = 0;
        var refused = 0;
        for (var i = 0; i < Limit + 20; i++)
        {
            var response = await (i % 2 == 0 ? onA : onB).GetAsync("/api/v1/me");
            if ((int)response.StatusCode == 200)
            {
                admitted++;
            }
            else
            {
                await AssertProblemAsync(response, 429, "rate_limit.exceeded");
                refused++;
            }
        }

        var stored = await WaitForStoredHitsAsync(userId, Limit + 20);
        Assert.Multiple(() =>
        {
            Assert.That(admitted, Is.InRange(Limit, Limit + (2 * (Batch - 1))), "at most a batch less one over the limit on each instance");
            Assert.That(refused, Is.EqualTo(Limit + 20 - admitted));
            Assert.That(stored, Is.EqualTo(Limit + 20), "every hit, refused ones too, reaches the shared counter");
        });
    }

    private static HttpClient ClientOf(PlatformApiFactory host, string accessToken)
    {
        var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return client;
    }

    /// <summary>The user's shared count once it reaches <paramref name="expected"/>, or what it is when the deadline passes.</summary>
    private async Task<long> WaitForStoredHitsAsync(Guid userId, long expected)
    {
        var deadline = DateTime.UtcNow + FlushDeadline;
        long hits;
        do
        {
            await using var command = Database.DataSource.CreateCommand("SELECT COALESCE(SUM(hits), 0)::bigint FROM rate_limit_counters WHERE key = $1");
            command.Parameters.AddWithValue($"api:user:{userId}");
            hits = (long)(await command.ExecuteScalarAsync())!;
            if (hits >= expected)
            {
                return hits;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }
        while (DateTime.UtcNow < deadline);

        return hits;
    }
}
