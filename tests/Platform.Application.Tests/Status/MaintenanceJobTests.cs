using NUnit.Framework;
using Platform.Application.Status;
using Platform.Application.Status.Commands.RunDueMaintenances;
using Platform.Application.Status.Queries.GetMaintenance;
using Platform.Application.Status.Queries.ListStatusEvents;
using Platform.Domain.Status;
using Platform.Testing;

namespace Platform.Application.Tests.Status;

/// <summary>
/// The maintenance job puts services under maintenance when a window starts and gives each back the status it had
/// when the window ends, however the windows overlap and however many instances run the job at once.
/// </summary>
public sealed class MaintenanceJobTests : ApplicationTestBase
{
    private TestUser admin = null!;
    private TestUser agent = null!;
    private DateTimeOffset t0;

    [SetUp]
    public async Task SeedAsync()
    {
        App.Clock.Freeze();
        admin = await AdminAsync();
        agent = await AgentAsync();
        t0 = App.Clock.GetUtcNow();
    }

    [Test]
    public async Task A_maintenance_starts_when_due_and_each_service_gets_back_the_status_it_had_when_it_ends()
    {
        var api = await App.CreateServiceAsync(admin, "api");
        var web = await App.CreateServiceAsync(admin, "web");
        await App.RecordAsync(agent, api.Id, "degraded_performance", "Slow");
        var maintenance = await App.ScheduleAsync(agent, "Database upgrade", t0.AddHours(1), t0.AddHours(2), api.Id, web.Id);

        App.Clock.Advance(TimeSpan.FromMinutes(59));
        var early = await App.RunMaintenanceJobAsync();
        var beforeStart = (await App.StatusOfAsync(api.Id), await App.StatusOfAsync(web.Id));
        App.Clock.Advance(TimeSpan.FromMinutes(1));
        var started = await App.RunMaintenanceJobAsync();
        var during = (await App.StatusOfAsync(api.Id), await App.StatusOfAsync(web.Id));
        var running = await App.SendAsync(new GetMaintenanceQuery(maintenance.Id));
        App.Clock.Advance(TimeSpan.FromMinutes(59));
        var stillRunning = await App.RunMaintenanceJobAsync();
        App.Clock.Advance(TimeSpan.FromMinutes(1));
        var completed = await App.RunMaintenanceJobAsync();
        var after = (await App.StatusOfAsync(api.Id), await App.StatusOfAsync(web.Id));
        var done = await App.SendAsync(new GetMaintenanceQuery(maintenance.Id));
        var apiEvents = (await App.SendAsync(new ListStatusEventsQuery(api.Id))).Items;

        Assert.Multiple(() =>
        {
            Assert.That(early, Is.Zero, "nothing is due a minute before the start");
            Assert.That(beforeStart, Is.EqualTo((ServiceStatus.DegradedPerformance, ServiceStatus.Operational)));
            Assert.That(started, Is.EqualTo(1));
            Assert.That(during, Is.EqualTo((ServiceStatus.UnderMaintenance, ServiceStatus.UnderMaintenance)));
            Assert.That(running.Status, Is.EqualTo(MaintenanceStatus.InProgress));
            Assert.That(running.StartedAt, Is.EqualTo(t0.AddHours(1)).Within(TimeSpan.FromMilliseconds(1)));
            Assert.That(stillRunning, Is.Zero);
            Assert.That(completed, Is.EqualTo(1));
            Assert.That(after, Is.EqualTo((ServiceStatus.DegradedPerformance, ServiceStatus.Operational)), "each service gets back its own earlier status");
            Assert.That(done.Status, Is.EqualTo(MaintenanceStatus.Completed));
            Assert.That(done.CompletedAt, Is.EqualTo(t0.AddHours(2)).Within(TimeSpan.FromMilliseconds(1)));
            Assert.That(
                apiEvents.Select(e => (e.Status, e.Message)),
                Is.EqualTo(new[]
                {
                    (ServiceStatus.DegradedPerformance, "Maintenance completed: Database upgrade"),
                    (ServiceStatus.UnderMaintenance, "Maintenance: Database upgrade"),
                    (ServiceStatus.DegradedPerformance, "Slow"),
                }));
        });
    }

    [Test]
    public async Task A_service_that_went_down_during_the_window_is_left_down_when_the_window_ends()
    {
        var api = await App.CreateServiceAsync(admin, "api");
        var web = await App.CreateServiceAsync(admin, "web");
        await App.ScheduleAsync(agent, "Network work", t0.AddHours(1), t0.AddHours(2), api.Id, web.Id);
        App.Clock.Advance(TimeSpan.FromHours(1));
        await App.RunMaintenanceJobAsync();
        App.Clock.Advance(TimeSpan.FromMinutes(30));
        await App.RecordAsync(agent, api.Id, "major_outage", "The upgrade broke it");
        App.Clock.Advance(TimeSpan.FromMinutes(30));

        await App.RunMaintenanceJobAsync();

        Assert.Multiple(async () =>
        {
            Assert.That(await App.StatusOfAsync(api.Id), Is.EqualTo(ServiceStatus.MajorOutage), "the outage is the truth: the job does not paper over it");
            Assert.That(await App.StatusOfAsync(web.Id), Is.EqualTo(ServiceStatus.Operational));
            Assert.That(await Database.EventCountAsync(api.Id), Is.EqualTo(2), "under maintenance, then the outage: no completion event");
        });
    }

    /// <summary>Two windows on one service: the service stays under maintenance until the last one ends.</summary>
    [TestCase(1, 3, 2, 4, TestName = "Overlapping_maintenances_keep_the_service_under_maintenance_until_the_last_ends_when_the_later_ends_last")]
    [TestCase(1, 4, 2, 3, TestName = "Overlapping_maintenances_keep_the_service_under_maintenance_until_the_last_ends_when_one_lies_inside_the_other")]
    [TestCase(1, 3, 1, 4, TestName = "Overlapping_maintenances_keep_the_service_under_maintenance_until_the_last_ends_when_both_start_together")]
    [TestCase(1, 4, 2, 4, TestName = "Overlapping_maintenances_keep_the_service_under_maintenance_until_the_last_ends_when_both_end_together")]
    public async Task Overlapping_maintenances_keep_the_service_under_maintenance_until_the_last_ends(int firstStart, int firstEnd, int secondStart, int secondEnd)
    {
        var api = await App.CreateServiceAsync(admin, "api");
        var web = await App.CreateServiceAsync(admin, "web");
        await App.RecordAsync(agent, api.Id, "degraded_performance");
        await App.ScheduleAsync(agent, "First", t0.AddHours(firstStart), t0.AddHours(firstEnd), api.Id);
        await App.ScheduleAsync(agent, "Second", t0.AddHours(secondStart), t0.AddHours(secondEnd), api.Id, web.Id);
        var lastEnd = Math.Max(firstEnd, secondEnd);

        var seen = new List<(int Hour, ServiceStatus Api)>();
        for (var hour = 1; hour <= lastEnd; hour++)
        {
            App.Clock.Advance(TimeSpan.FromHours(1));
            await App.RunMaintenanceJobAsync();
            seen.Add((hour, await App.StatusOfAsync(api.Id)));
        }

        var expected = Enumerable.Range(1, lastEnd)
            .Select(h => (h, h < lastEnd ? ServiceStatus.UnderMaintenance : ServiceStatus.DegradedPerformance));
        Assert.Multiple(async () =>
        {
            Assert.That(seen, Is.EqualTo(expected), "hour by hour");
            Assert.That(await App.StatusOfAsync(web.Id), Is.EqualTo(ServiceStatus.Operational));
            Assert.That(await Database.CountAsync("status_maintenances", "status = 'completed'"), Is.EqualTo(2));
        });
    }

    [Test]
    public async Task Back_to_back_maintenances_keep_the_services_under_maintenance_and_then_give_back_their_status()
    {
        // Both due in the same run: the first ends exactly when the second starts.
        var services = new List<MonitoredServiceDto>();
        for (var i = 0; i < 10; i++)
        {
            var service = await App.CreateServiceAsync(admin, $"service-{i}");
            await App.RecordAsync(agent, service.Id, "degraded_performance");
            services.Add(service);
        }

        var ids = services.Select(s => s.Id).ToArray();
        await App.ScheduleAsync(agent, "First", t0.AddHours(1), t0.AddHours(2), ids);
        await App.ScheduleAsync(agent, "Second", t0.AddHours(2), t0.AddHours(3), ids);

        App.Clock.Advance(TimeSpan.FromHours(1));
        await App.RunMaintenanceJobAsync();
        App.Clock.Advance(TimeSpan.FromHours(1));
        await App.RunMaintenanceJobAsync();
        var between = await StatusesAsync(ids);
        App.Clock.Advance(TimeSpan.FromHours(1));
        await App.RunMaintenanceJobAsync();
        var after = await StatusesAsync(ids);

        Assert.Multiple(() =>
        {
            Assert.That(between, Is.All.EqualTo(ServiceStatus.UnderMaintenance), "the second window has begun");
            Assert.That(after, Is.All.EqualTo(ServiceStatus.DegradedPerformance), "the status from before both windows comes back");
        });
    }

    [Test]
    public async Task A_window_already_over_when_the_job_first_sees_it_leaves_each_service_at_its_earlier_status()
    {
        var services = new List<Guid>();
        for (var i = 0; i < 10; i++)
        {
            var service = await App.CreateServiceAsync(admin, $"service-{i}");
            await App.RecordAsync(agent, service.Id, i % 2 == 0 ? "degraded_performance" : "operational");
            services.Add(service.Id);
        }

        var maintenance = await App.ScheduleAsync(agent, "Quick restart", t0.AddMinutes(10), t0.AddMinutes(11), [.. services]);
        App.Clock.Advance(TimeSpan.FromMinutes(15));

        var moved = await App.RunMaintenanceJobAsync();

        var statuses = await StatusesAsync(services);
        var done = await App.SendAsync(new GetMaintenanceQuery(maintenance.Id));
        Assert.Multiple(() =>
        {
            Assert.That(moved, Is.EqualTo(2), "started and completed in one run");
            Assert.That(done.Status, Is.EqualTo(MaintenanceStatus.Completed));
            Assert.That(
                statuses,
                Is.EqualTo(services.Select((_, i) => i % 2 == 0 ? ServiceStatus.DegradedPerformance : ServiceStatus.Operational)),
                "after the window each service shows what it showed before, not under maintenance");
        });
    }

    [Test]
    public async Task Two_job_runs_at_the_same_moment_move_each_maintenance_exactly_once()
    {
        var services = new List<Guid>();
        var maintenances = new List<Guid>();
        for (var i = 0; i < 8; i++)
        {
            var service = await App.CreateServiceAsync(admin, $"service-{i}");
            services.Add(service.Id);
            maintenances.Add((await App.ScheduleAsync(agent, $"Work {i}", t0.AddHours(1), t0.AddHours(2), service.Id)).Id);
        }

        App.Clock.Advance(TimeSpan.FromHours(1));
        var starts = await Task.WhenAll(App.RunMaintenanceJobAsync(), App.RunMaintenanceJobAsync());
        var during = await StatusesAsync(services);
        App.Clock.Advance(TimeSpan.FromHours(1));
        var completions = await Task.WhenAll(App.RunMaintenanceJobAsync(), App.RunMaintenanceJobAsync());
        var after = await StatusesAsync(services);

        Assert.Multiple(async () =>
        {
            Assert.That(starts.Sum(), Is.EqualTo(8), "between them the two runs started each maintenance once");
            Assert.That(completions.Sum(), Is.EqualTo(8));
            Assert.That(during, Is.All.EqualTo(ServiceStatus.UnderMaintenance));
            Assert.That(after, Is.All.EqualTo(ServiceStatus.Operational));
            foreach (var service in services)
            {
                Assert.That(await Database.EventCountAsync(service, "under_maintenance"), Is.EqualTo(1), $"service {service}");
                Assert.That(await Database.EventCountAsync(service), Is.EqualTo(2), $"service {service}: one start, one completion");
            }

            foreach (var maintenance in maintenances)
            {
                Assert.That(await Database.AuditCountAsync("status.maintenances.start", maintenance), Is.EqualTo(1));
                Assert.That(await Database.AuditCountAsync("status.maintenances.complete", maintenance), Is.EqualTo(1));
            }
        });
    }

    [Test]
    public async Task A_run_moves_at_most_its_batch_and_the_next_run_takes_the_rest()
    {
        var api = await App.CreateServiceAsync(admin, "api");
        var web = await App.CreateServiceAsync(admin, "web");
        var maintenance = await App.ScheduleAsync(agent, "Upgrade", t0.AddHours(1), t0.AddHours(2), api.Id);
        await App.ScheduleAsync(agent, "Other", t0.AddHours(1), t0.AddHours(2), web.Id);

        App.Clock.Advance(TimeSpan.FromHours(2));
        var moved = await App.SendAsync(new RunDueMaintenancesCommand(BatchSize: 1));
        var rest = await App.RunMaintenanceJobAsync();

        Assert.Multiple(async () =>
        {
            Assert.That(moved, Is.EqualTo(2), "a batch of one moves one maintenance (start and completion)");
            Assert.That(rest, Is.EqualTo(2), "the next run takes the rest");
            Assert.That((await App.SendAsync(new GetMaintenanceQuery(maintenance.Id))).Status, Is.EqualTo(MaintenanceStatus.Completed));
            Assert.That(await Database.CountAsync("status_maintenances", "status <> 'completed'"), Is.Zero);
        });
    }

    private async Task<List<ServiceStatus>> StatusesAsync(IEnumerable<Guid> ids)
    {
        var statuses = new List<ServiceStatus>();
        foreach (var id in ids)
        {
            statuses.Add(await App.StatusOfAsync(id));
        }

        return statuses;
    }
}
