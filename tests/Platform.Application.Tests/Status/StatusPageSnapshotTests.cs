using NUnit.Framework;
using Platform.Application.Status.Commands.CreateIncident;
using Platform.Application.Status.Queries.GetStatusPage;
using Platform.Domain.Status;
using Platform.Testing;

namespace Platform.Application.Tests.Status;

/// <summary>
/// The public snapshot every status view is rendered from: the page-wide status, which incidents and maintenance it
/// lists, and that a change made on this instance shows at once despite the cache.
/// </summary>
public sealed class StatusPageSnapshotTests : ApplicationTestBase
{
    private TestUser admin = null!;
    private TestUser agent = null!;

    [SetUp]
    public async Task SeedAsync()
    {
        App.Clock.Freeze();
        admin = await AdminAsync();
        agent = await AgentAsync();
    }

    [TestCase("", StatusIndicator.None, "All Systems Operational")]
    [TestCase("operational,operational,operational", StatusIndicator.None, "All Systems Operational")]
    [TestCase("partial_outage,operational,operational", StatusIndicator.Minor, "Minor Service Outage")]
    [TestCase("major_outage,major_outage", StatusIndicator.Critical, "Major System Outage")]
    [TestCase("major_outage,operational", StatusIndicator.Major, "Partial System Outage")]
    [TestCase("partial_outage,partial_outage", StatusIndicator.Major, "Partial System Outage")]
    [TestCase("degraded_performance,degraded_performance", StatusIndicator.Minor, "Degraded System Service")]
    [TestCase("degraded_performance,operational", StatusIndicator.Minor, "Partially Degraded Service")]
    [TestCase("under_maintenance,operational", StatusIndicator.Maintenance, "Service Under Maintenance")]
    [TestCase("under_maintenance,major_outage", StatusIndicator.Critical, "Major System Outage")]
    public async Task The_overall_status_follows_the_services_statuses(string statuses, StatusIndicator indicator, string description)
    {
        var i = 0;
        foreach (var status in statuses.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var service = await App.CreateServiceAsync(admin, $"service-{i++}");
            await App.RecordAsync(agent, service.Id, status);
        }

        var page = await App.SendAsync(new GetStatusPageQuery());

        Assert.Multiple(() =>
        {
            Assert.That(page.Overall, Is.EqualTo(new OverallStatus(indicator, description)));
            Assert.That(page.Services, Has.Count.EqualTo(i));
        });
    }

    [Test]
    public async Task A_change_made_on_this_instance_shows_on_the_very_next_read()
    {
        var api = await App.CreateServiceAsync(admin, "api", "API");
        var first = await App.SendAsync(new GetStatusPageQuery());

        await App.RecordAsync(agent, api.Id, "major_outage");
        var afterEvent = await App.SendAsync(new GetStatusPageQuery());
        var incident = await App.OpenIncidentAsync(agent, "API down", [api.Id]);
        var afterIncident = await App.SendAsync(new GetStatusPageQuery());
        var web = await App.CreateServiceAsync(admin, "web", "Web");
        var afterService = await App.SendAsync(new GetStatusPageQuery());

        Assert.Multiple(() =>
        {
            Assert.That(first.Overall.Indicator, Is.EqualTo(StatusIndicator.None));
            Assert.That(afterEvent.Services.Single().Service.Status, Is.EqualTo(ServiceStatus.MajorOutage), "no waiting for the cache to expire");
            Assert.That(afterEvent.Overall.Indicator, Is.EqualTo(StatusIndicator.Critical));
            Assert.That(afterIncident.ActiveIncidents.Select(i => i.Id), Is.EqualTo(new[] { incident.Id }));
            Assert.That(afterService.Services.Select(s => s.Service.Id), Is.EqualTo(new[] { api.Id, web.Id }));
            Assert.That(afterService.Overall.Indicator, Is.EqualTo(StatusIndicator.Major));
        });
    }

    [Test]
    public async Task The_maintenance_job_changing_statuses_shows_on_the_very_next_read()
    {
        var api = await App.CreateServiceAsync(admin, "api", "API");
        var now = App.Clock.GetUtcNow();
        var maintenance = await App.ScheduleAsync(agent, "Upgrade", now.AddMinutes(1), now.AddHours(1), api.Id);
        App.Clock.Advance(TimeSpan.FromMinutes(1));
        var before = await App.SendAsync(new GetStatusPageQuery());

        await App.RunMaintenanceJobAsync();
        var after = await App.SendAsync(new GetStatusPageQuery());

        Assert.Multiple(() =>
        {
            Assert.That(before.Overall.Indicator, Is.EqualTo(StatusIndicator.None));
            Assert.That(after.Overall.Indicator, Is.EqualTo(StatusIndicator.Maintenance));
            Assert.That(after.Services.Single().Service.Status, Is.EqualTo(ServiceStatus.UnderMaintenance));
            Assert.That(after.Maintenances.Single().Id, Is.EqualTo(maintenance.Id));
            Assert.That(after.Maintenances.Single().Status, Is.EqualTo(MaintenanceStatus.InProgress));
        });
    }

    [Test]
    public async Task The_snapshot_is_kept_for_its_max_age_when_nothing_announces_a_change()
    {
        var api = await App.CreateServiceAsync(admin, "api", "API");
        var first = await App.SendAsync(new GetStatusPageQuery());

        // A write that bypasses the application announces nothing: only the page's max age (15 s) brings it in.
        await using (var insert = Database.DataSource.CreateCommand(
            "INSERT INTO status_events (id, service_id, status, message, occurred_at, created_at) VALUES (gen_random_uuid(), $1, 'major_outage', '', $2, $2)"))
        {
            insert.Parameters.Add(new Npgsql.NpgsqlParameter { Value = api.Id });
            insert.Parameters.Add(new Npgsql.NpgsqlParameter { Value = App.Clock.GetUtcNow().AddSeconds(-1) });
            await insert.ExecuteNonQueryAsync();
        }

        App.Clock.Advance(TimeSpan.FromSeconds(14));
        var cached = await App.SendAsync(new GetStatusPageQuery());
        App.Clock.Advance(TimeSpan.FromSeconds(1));
        var rebuilt = await App.SendAsync(new GetStatusPageQuery());

        Assert.Multiple(() =>
        {
            Assert.That(cached, Is.SameAs(first), "served from the cache");
            Assert.That(rebuilt.Services.Single().Service.Status, Is.EqualTo(ServiceStatus.MajorOutage));
            Assert.That(rebuilt.GeneratedAt, Is.EqualTo(App.Clock.GetUtcNow()));
        });
    }

    [Test]
    public async Task Unresolved_incidents_are_active_and_incidents_resolved_in_the_last_14_days_are_recent()
    {
        var api = await App.CreateServiceAsync(admin, "api", "API");
        App.Clock.Advance(TimeSpan.FromDays(-20));
        var old = await App.OpenIncidentAsync(agent, "Long ago", [api.Id]);
        await App.ResolveAsync(agent, old.Id);
        App.Clock.Advance(TimeSpan.FromDays(10));
        var lastWeek = await App.OpenIncidentAsync(agent, "Last week", [api.Id]);
        await App.ResolveAsync(agent, lastWeek.Id);
        App.Clock.Advance(TimeSpan.FromDays(10));
        var older = await App.OpenIncidentAsync(agent, "Ongoing", [api.Id]);
        App.Clock.Tick();
        var newer = await App.SendAsync(
            new CreateIncidentCommand("Reported resolved", "resolved", "minor", [api.Id], "Was brief."), agent);
        App.Clock.Tick();
        var newest = await App.OpenIncidentAsync(agent, "Also ongoing", [api.Id]);

        var page = await App.SendAsync(new GetStatusPageQuery());

        Assert.Multiple(() =>
        {
            Assert.That(page.ActiveIncidents.Select(i => i.Title), Is.EqualTo(new[] { newest.Title, older.Title }), "unresolved, newest first");
            Assert.That(page.RecentIncidents.Select(i => i.Title), Is.EqualTo(new[] { newer.Title, lastWeek.Title }), "not the one resolved 20 days ago");
            Assert.That(page.ActiveIncidents.Concat(page.RecentIncidents).Select(i => i.Id), Does.Not.Contain(old.Id));
        });
    }

    [Test]
    public async Task The_page_lists_scheduled_and_running_maintenance_but_not_completed()
    {
        var api = await App.CreateServiceAsync(admin, "api", "API");
        var now = App.Clock.GetUtcNow();
        var done = await App.ScheduleAsync(agent, "Done", now.AddHours(1), now.AddHours(2), api.Id);
        var running = await App.ScheduleAsync(agent, "Running", now.AddHours(1), now.AddHours(5), api.Id);
        var upcoming = await App.ScheduleAsync(agent, "Upcoming", now.AddHours(10), now.AddHours(11), api.Id);
        App.Clock.Advance(TimeSpan.FromHours(1));
        await App.RunMaintenanceJobAsync();
        App.Clock.Advance(TimeSpan.FromHours(2));
        await App.RunMaintenanceJobAsync();

        var page = await App.SendAsync(new GetStatusPageQuery());

        Assert.Multiple(() =>
        {
            Assert.That(page.Maintenances.Select(m => (m.Id, m.Status)), Is.EqualTo(new[] { (running.Id, MaintenanceStatus.InProgress), (upcoming.Id, MaintenanceStatus.Scheduled) }));
            Assert.That(page.Maintenances.Select(m => m.Id), Does.Not.Contain(done.Id));
        });
    }

    [Test]
    public async Task Each_service_on_the_page_carries_90_days_of_uptime_ending_today()
    {
        await App.CreateServiceAsync(admin, "api", "API");

        var page = await App.SendAsync(new GetStatusPageQuery());

        var service = page.Services.Single();
        var today = DateOnly.FromDateTime(App.Clock.GetUtcNow().UtcDateTime);
        Assert.Multiple(() =>
        {
            Assert.That(service.Uptime.Days, Has.Count.EqualTo(90));
            Assert.That(service.Uptime.Days[^1].Date, Is.EqualTo(today));
            Assert.That(service.UptimeFirstDay, Is.EqualTo(today.AddDays(-89)));
        });
    }
}
