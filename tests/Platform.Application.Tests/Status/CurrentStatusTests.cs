using NUnit.Framework;
using Platform.Application.Status.Queries.GetMonitoredService;
using Platform.Application.Status.Queries.ListStatusEvents;
using Platform.Application.Status.Queries.ListMonitoredServices;
using Platform.Domain.Status;
using Platform.Testing;

namespace Platform.Application.Tests.Status;

/// <summary>
/// What status a service shows: that of its latest event by when it occurred (not when it was recorded),
/// operational without any; and the order the services are listed in.
/// </summary>
public sealed class CurrentStatusTests : ApplicationTestBase
{
    private TestUser admin = null!;
    private TestUser agent = null!;

    [SetUp]
    public async Task SignInAsync()
    {
        App.Clock.Freeze();
        admin = await AdminAsync();
        agent = await AgentAsync();
    }

    [Test]
    public async Task A_back_dated_event_joins_the_history_without_overriding_a_newer_status()
    {
        var api = await App.CreateServiceAsync(admin, "api");
        var now = App.Clock.GetUtcNow();
        var outage = await App.RecordAsync(agent, api.Id, "partial_outage", "Errors", now.AddMinutes(-10));
        App.Clock.Tick();
        var backDated = await App.RecordAsync(agent, api.Id, "degraded_performance", "It was slow earlier", now.AddHours(-1));

        var read = await App.SendAsync(new GetMonitoredServiceQuery(api.Id));
        var events = await App.SendAsync(new ListStatusEventsQuery(api.Id));

        Assert.Multiple(() =>
        {
            Assert.That(read.Status, Is.EqualTo(ServiceStatus.PartialOutage), "the event recorded last is older, so it does not win");
            Assert.That(read.StatusChangedAt, Is.EqualTo(outage.OccurredAt));
            Assert.That(events.Items.Select(e => e.Id), Is.EqualTo(new[] { outage.Id, backDated.Id }), "newest occurrence first");
        });
    }

    [Test]
    public async Task A_newer_event_wins_and_of_two_at_the_same_moment_the_one_recorded_later_wins()
    {
        var api = await App.CreateServiceAsync(admin, "api");
        var at = App.Clock.GetUtcNow().AddMinutes(-30);
        await App.RecordAsync(agent, api.Id, "major_outage", occurredAt: at.AddMinutes(-5));
        await App.RecordAsync(agent, api.Id, "partial_outage", occurredAt: at);
        App.Clock.Tick();
        await App.RecordAsync(agent, api.Id, "degraded_performance", occurredAt: at);

        Assert.That(await App.StatusOfAsync(api.Id), Is.EqualTo(ServiceStatus.DegradedPerformance));
    }

    [Test]
    public async Task A_service_without_events_is_operational()
    {
        var api = await App.CreateServiceAsync(admin, "api");
        var web = await App.CreateServiceAsync(admin, "web");
        await App.RecordAsync(agent, web.Id, "major_outage");

        var read = await App.SendAsync(new GetMonitoredServiceQuery(api.Id));

        Assert.Multiple(() =>
        {
            Assert.That(read.Status, Is.EqualTo(ServiceStatus.Operational));
            Assert.That(read.StatusChangedAt, Is.Null);
        });
    }

    [Test]
    public async Task An_event_dated_a_little_ahead_takes_effect_when_its_time_comes()
    {
        var api = await App.CreateServiceAsync(admin, "api");
        var at = App.Clock.GetUtcNow().AddMinutes(5);

        var recorded = await App.RecordAsync(agent, api.Id, "major_outage", occurredAt: at);
        var before = await App.StatusOfAsync(api.Id);
        App.Clock.Advance(TimeSpan.FromMinutes(5));
        var after = await App.StatusOfAsync(api.Id);

        Assert.Multiple(() =>
        {
            Assert.That(recorded.OccurredAt, Is.EqualTo(at).Within(TimeSpan.FromMilliseconds(1)));
            Assert.That(before, Is.EqualTo(ServiceStatus.Operational), "not yet");
            Assert.That(after, Is.EqualTo(ServiceStatus.MajorOutage));
        });
    }

    [Test]
    public async Task An_event_dated_more_than_five_minutes_ahead_is_refused_and_not_stored()
    {
        var api = await App.CreateServiceAsync(admin, "api");
        var tooLate = App.Clock.GetUtcNow().AddMinutes(5).AddSeconds(1);

        StatusTestSupport.AssertInvalid(() => App.RecordAsync(agent, api.Id, "major_outage", occurredAt: tooLate), "occurred_at");

        Assert.Multiple(async () =>
        {
            Assert.That(await Database.EventCountAsync(api.Id), Is.Zero);
            Assert.That(await Database.AuditCountAsync("status.events.create"), Is.Zero);
        });
    }

    [Test]
    public async Task Services_are_listed_ungrouped_first_then_by_group_display_order_and_name()
    {
        await App.CreateServiceAsync(admin, "search", "Search", group: "Platform", displayOrder: 2);
        await App.CreateServiceAsync(admin, "web", "Web", displayOrder: 1);
        await App.CreateServiceAsync(admin, "database", "Database", group: "Infrastructure", displayOrder: 0);
        await App.CreateServiceAsync(admin, "billing", "Billing", group: "Platform", displayOrder: 1);
        await App.CreateServiceAsync(admin, "api", "API", displayOrder: 1);
        await App.CreateServiceAsync(admin, "auth", "Auth", group: "Platform", displayOrder: 1);
        await App.CreateServiceAsync(admin, "status", "Status", displayOrder: 0);

        var listed = await App.SendAsync(new ListMonitoredServicesQuery());

        Assert.That(
            listed.Select(s => s.Slug),
            Is.EqualTo(new[] { "status", "api", "web", "database", "auth", "billing", "search" }));
    }

    [Test]
    public async Task The_list_shows_each_services_current_status()
    {
        var api = await App.CreateServiceAsync(admin, "api");
        await App.CreateServiceAsync(admin, "web");
        await App.RecordAsync(agent, api.Id, "major_outage");
        App.Clock.Tick();
        await App.RecordAsync(agent, api.Id, "degraded_performance");

        var listed = await App.SendAsync(new ListMonitoredServicesQuery());

        Assert.That(
            listed.Select(s => (s.Slug, s.Status)),
            Is.EqualTo(new[] { ("api", ServiceStatus.DegradedPerformance), ("web", ServiceStatus.Operational) }));
    }
}
