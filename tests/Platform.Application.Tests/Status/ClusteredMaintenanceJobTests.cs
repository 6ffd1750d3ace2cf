using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using NUnit.Framework;
using Platform.Domain.Status;
using Platform.Infrastructure.Jobs;
using Platform.Testing;
using Quartz;

namespace Platform.Application.Tests.Status;

/// <summary>
/// The maintenance job as deployed: a Quartz job on every instance, clustered through the database. Two instances
/// running it every second must still start and complete each maintenance exactly once.
/// </summary>
public sealed class ClusteredMaintenanceJobTests : ApplicationTestBase
{
    private static readonly Dictionary<string, string?> JobSettings = new()
    {
        ["Jobs:Enabled"] = "true",
        ["Jobs:MaintenanceInterval"] = "00:00:01",
        ["Jobs:ClusterCheckinInterval"] = "00:00:01",
    };

    [Test]
    public async Task Two_clustered_schedulers_start_and_complete_each_maintenance_exactly_once()
    {
        var admin = await AdminAsync();
        var services = new List<Guid>();
        for (var i = 0; i < 4; i++)
        {
            services.Add((await App.CreateServiceAsync(admin, $"service-{i}-a")).Id);
            var degraded = await App.CreateServiceAsync(admin, $"service-{i}-b");
            await App.RecordAsync(admin, degraded.Id, "degraded_performance");
            services.Add(degraded.Id);
        }

        // Already begun, so the first run starts them; over soon after, so a later run completes them.
        var now = App.Clock.GetUtcNow();
        var maintenances = new List<Guid>();
        for (var i = 0; i < 4; i++)
        {
            maintenances.Add((await App.ScheduleAsync(admin, $"Work {i}", now.AddMinutes(-1), now.AddSeconds(15), services[2 * i], services[(2 * i) + 1])).Id);
        }

        await using var one = new ApplicationTestHost(Database, JobSettings);
        await using var two = new ApplicationTestHost(Database, JobSettings);
        var schedulers = new[]
        {
            await one.Services.GetRequiredService<ISchedulerFactory>().GetScheduler(),
            await two.Services.GetRequiredService<ISchedulerFactory>().GetScheduler(),
        };
        long inProgressSeen;
        long members;
        try
        {
            foreach (var scheduler in schedulers)
            {
                await scheduler.Start();
            }

            Assert.That(await schedulers[0].GetJobDetail(RunDueMaintenancesJob.Key), Is.Not.Null, "the job is registered");
            inProgressSeen = await WaitForAsync("status <> 'scheduled'", TimeSpan.FromSeconds(30));
            members = await Database.CountAsync("qrtz_scheduler_state", "sched_name = 'platform'");
            await WaitForAsync("status = 'completed'", TimeSpan.FromSeconds(45));

            // A few more runs on both members, which must find nothing left to do.
            await Task.Delay(TimeSpan.FromSeconds(3));
        }
        finally
        {
            foreach (var scheduler in schedulers)
            {
                await scheduler.Shutdown(waitForJobsToComplete: true);
            }
        }

        Assert.Multiple(async () =>
        {
            Assert.That(inProgressSeen, Is.EqualTo(maintenances.Count), "every maintenance was started");
            Assert.That(await Database.CountAsync("status_maintenances", "status = 'completed'"), Is.EqualTo(maintenances.Count));
            Assert.That(members, Is.EqualTo(2), "both schedulers were cluster members");
            foreach (var maintenance in maintenances)
            {
                Assert.That(await Database.AuditCountAsync("status.maintenances.start", maintenance), Is.EqualTo(1), $"start of {maintenance}");
                Assert.That(await Database.AuditCountAsync("status.maintenances.complete", maintenance), Is.EqualTo(1), $"completion of {maintenance}");
            }

            foreach (var (service, i) in services.Select((s, i) => (s, i)))
            {
                Assert.That(await Database.EventCountAsync(service, "under_maintenance"), Is.EqualTo(1), $"service {service}");
                var expected = i % 2 == 0 ? ServiceStatus.Operational : ServiceStatus.DegradedPerformance;
                Assert.That(await App.StatusOfAsync(service), Is.EqualTo(expected), $"service {service} got its status back");
            }
        });
    }

    private async Task<long> WaitForAsync(string where, TimeSpan timeout)
    {
        var waited = Stopwatch.StartNew();
        long count;
        while ((count = await Database.CountAsync("status_maintenances", where)) < 4 && waited.Elapsed < timeout)
        {
            await Task.Delay(200);
        }

        return count;
    }
}
