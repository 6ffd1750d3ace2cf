using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using NUnit.Framework;
using Platform.Testing;
using Quartz;

namespace Platform.Application.Tests.Housekeeping;

public sealed class ClusteredJobTests : ApplicationTestBase
{
    private static readonly Dictionary<string, string?> JobSettings = new()
    {
        ["Jobs:Enabled"] = "true",
        ["Jobs:IdempotencyCleanupInterval"] = "00:00:01",
        ["Jobs:ClusterCheckinInterval"] = "00:00:01",
    };

    [Test]
    public async Task Two_clustered_schedulers_share_the_database_and_the_cleanup_job_deletes_expired_keys()
    {
        // Job runs are counted for the PlatformJobFailing alert: platform.jobs.runs{job_name, outcome}.
        var runs = new ConcurrentQueue<(string? Job, string? Outcome)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Name == "platform.jobs.runs")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            string? job = null, outcome = null;
            foreach (var tag in tags)
            {
                job = tag.Key == "job_name" ? tag.Value as string : job;
                outcome = tag.Key == "outcome" ? tag.Value as string : outcome;
            }

            runs.Enqueue((job, outcome));
        });
        listener.Start();

        await using (var seed = Database.DataSource.CreateCommand(
            """
            INSERT INTO idempotency_keys (id, scope, operation, key, request_fingerprint, response_json, created_at, expires_at)
            SELECT gen_random_uuid(), 'user:x', 'CreateTicketCommand', 'expired-' || i, 'f', '{}', now() - interval '2 days', now() - interval '1 day'
            FROM generate_series(1, 25) AS i
            UNION ALL
            SELECT gen_random_uuid(), 'user:x', 'CreateTicketCommand', 'live', 'f', '{}', now(), now() + interval '1 day'
            """))
        {
            await seed.ExecuteNonQueryAsync();
        }

        await using var first = new ApplicationTestHost(Database, JobSettings);
        await using var second = new ApplicationTestHost(Database, JobSettings);
        var schedulers = new[]
        {
            await first.Services.GetRequiredService<ISchedulerFactory>().GetScheduler(),
            await second.Services.GetRequiredService<ISchedulerFactory>().GetScheduler(),
        };
        foreach (var scheduler in schedulers)
        {
            await scheduler.Start();
        }

        try
        {
            var waited = Stopwatch.StartNew();
            while ((await Database.CountAsync("idempotency_keys") > 1 || await Database.CountAsync("qrtz_scheduler_state", "sched_name = 'platform'") < 2
                    || !runs.Any(r => r.Outcome == "succeeded"))
                && waited.Elapsed < TimeSpan.FromSeconds(30))
            {
                await Task.Delay(200);
            }

            Assert.Multiple(async () =>
            {
                Assert.That(await Database.CountAsync("idempotency_keys"), Is.EqualTo(1), "expired keys are swept");
                Assert.That(await Database.CountAsync("idempotency_keys", "key = 'live'"), Is.EqualTo(1), "live keys stay");
                Assert.That(await Database.CountAsync("qrtz_scheduler_state", "sched_name = 'platform'"), Is.EqualTo(2), "both schedulers are cluster members");
                Assert.That(runs, Has.Some.EqualTo(((string?)"delete-expired-idempotency-keys", (string?)"succeeded")), "each run is counted with its job and outcome");
            });
        }
        finally
        {
            foreach (var scheduler in schedulers)
            {
                await scheduler.Shutdown(waitForJobsToComplete: true);
            }
        }
    }
}
