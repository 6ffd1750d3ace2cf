using NUnit.Framework;
using Platform.Application.Common.Errors;
using Platform.Application.Status.Commands.AddIncidentUpdate;
using Platform.Application.Status.Commands.CreateIncident;
using Platform.Application.Status.Queries.GetIncident;
using Platform.Application.Status.Queries.ListStatusEvents;
using Platform.Domain.Common;
using Platform.Domain.Status;
using Platform.Testing;

namespace Platform.Application.Tests.Status;

/// <summary>Incidents and the service statuses they set: together, or not at all.</summary>
public sealed class IncidentTests : ApplicationTestBase
{
    private TestUser admin = null!;
    private TestUser agent = null!;
    private Guid api;
    private Guid web;
    private Guid search;

    [SetUp]
    public async Task SeedAsync()
    {
        App.Clock.Freeze();
        admin = await AdminAsync();
        agent = await AgentAsync();
        api = (await App.CreateServiceAsync(admin, "api")).Id;
        web = (await App.CreateServiceAsync(admin, "web")).Id;
        search = (await App.CreateServiceAsync(admin, "search")).Id;
    }

    [Test]
    public async Task Opening_an_incident_with_a_service_status_sets_every_affected_service_with_one_event_each()
    {
        var incident = await App.SendAsync(
            new CreateIncidentCommand("Elevated errors", "investigating", "major", [api, web], "We are looking into it.", "partial_outage"),
            agent);

        var apiEvents = await App.SendAsync(new ListStatusEventsQuery(api));
        var webEvents = await App.SendAsync(new ListStatusEventsQuery(web));

        Assert.Multiple(async () =>
        {
            Assert.That(incident.AffectedServiceIds, Is.EquivalentTo(new[] { api, web }));
            Assert.That(incident.Updates.Single().ServiceStatus, Is.EqualTo(ServiceStatus.PartialOutage));
            Assert.That(await App.StatusOfAsync(api), Is.EqualTo(ServiceStatus.PartialOutage));
            Assert.That(await App.StatusOfAsync(web), Is.EqualTo(ServiceStatus.PartialOutage));
            Assert.That(await App.StatusOfAsync(search), Is.EqualTo(ServiceStatus.Operational), "a service the incident does not name is untouched");
            Assert.That(await Database.EventCountAsync(search), Is.Zero);
            foreach (var events in new[] { apiEvents, webEvents })
            {
                var single = events.Items.Single();
                Assert.That(single.Status, Is.EqualTo(ServiceStatus.PartialOutage));
                Assert.That(single.Message, Does.Contain("Elevated errors"), "the event tells which incident set it");
                Assert.That(single.OccurredAt, Is.EqualTo(incident.CreatedAt), "set at the moment the incident opened");
            }
        });
    }

    [Test]
    public async Task Opening_an_incident_without_a_service_status_leaves_the_services_alone()
    {
        await App.RecordAsync(agent, api, "degraded_performance");
        App.Clock.Tick();

        await App.OpenIncidentAsync(agent, "Slow pages", [api, web]);

        Assert.Multiple(async () =>
        {
            Assert.That(await App.StatusOfAsync(api), Is.EqualTo(ServiceStatus.DegradedPerformance));
            Assert.That(await App.StatusOfAsync(web), Is.EqualTo(ServiceStatus.Operational));
            Assert.That(await Database.CountAsync("status_events"), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Resolving_without_a_service_status_leaves_the_services_as_they_are()
    {
        var incident = await App.OpenIncidentAsync(agent, "Outage", [api, web], "major_outage");
        App.Clock.Advance(TimeSpan.FromMinutes(20));
        await App.SendAsync(new AddIncidentUpdateCommand(incident.Id, "monitoring", "A fix is out.", "degraded_performance"), agent);
        App.Clock.Advance(TimeSpan.FromMinutes(20));
        var eventsBefore = await Database.CountAsync("status_events");

        var resolved = await App.ResolveAsync(agent, incident.Id);

        Assert.Multiple(async () =>
        {
            Assert.That(resolved.Status, Is.EqualTo(IncidentStatus.Resolved));
            Assert.That(resolved.ResolvedAt, Is.Not.Null);
            Assert.That(await App.StatusOfAsync(api), Is.EqualTo(ServiceStatus.DegradedPerformance), "resolving by itself sets no status");
            Assert.That(await App.StatusOfAsync(web), Is.EqualTo(ServiceStatus.DegradedPerformance));
            Assert.That(await Database.CountAsync("status_events"), Is.EqualTo(eventsBefore));
        });
    }

    [Test]
    public async Task Resolving_with_a_service_status_sets_it_on_every_affected_service()
    {
        var incident = await App.OpenIncidentAsync(agent, "Outage", [api, web], "major_outage");
        App.Clock.Advance(TimeSpan.FromMinutes(20));

        var resolved = await App.SendAsync(new AddIncidentUpdateCommand(incident.Id, "resolved", "All clear.", "operational"), agent);

        Assert.Multiple(async () =>
        {
            Assert.That(resolved.Updates.Select(u => u.Status), Is.EqualTo(new[] { IncidentStatus.Investigating, IncidentStatus.Resolved }));
            Assert.That(await App.StatusOfAsync(api), Is.EqualTo(ServiceStatus.Operational));
            Assert.That(await App.StatusOfAsync(web), Is.EqualTo(ServiceStatus.Operational));
            Assert.That(await Database.EventCountAsync(api, "operational"), Is.EqualTo(1));
            Assert.That(await Database.EventCountAsync(web, "operational"), Is.EqualTo(1));
            Assert.That(
                await Database.CountAsync("status_events", "status = 'operational' AND message LIKE 'Outage%'"),
                Is.EqualTo(2),
                "the event names the incident");
        });
    }

    [Test]
    public async Task A_resolved_incident_takes_no_more_updates_and_nothing_is_written()
    {
        var incident = await App.OpenIncidentAsync(agent, "Outage", [api], "major_outage");
        var resolved = await App.ResolveAsync(agent, incident.Id, "operational");
        App.Clock.Advance(TimeSpan.FromMinutes(5));
        var before = await CountsAsync();

        var error = Assert.ThrowsAsync<DomainException>(() =>
            App.SendAsync(new AddIncidentUpdateCommand(incident.Id, "investigating", "It is back.", "major_outage"), agent));

        var read = await App.SendAsync(new GetIncidentQuery(incident.Id));
        Assert.Multiple(async () =>
        {
            Assert.That(error?.Code, Is.EqualTo("status.incident_resolved"));
            Assert.That(await CountsAsync(), Is.EqualTo(before), "no update, no event, no audit row");
            Assert.That(read.Version, Is.EqualTo(resolved.Version));
            Assert.That(read.Updates, Has.Count.EqualTo(resolved.Updates.Count));
            Assert.That(read.Status, Is.EqualTo(IncidentStatus.Resolved));
            Assert.That(await App.StatusOfAsync(api), Is.EqualTo(ServiceStatus.Operational));
        });
    }

    [Test]
    public async Task An_incident_naming_an_unknown_service_is_refused_and_nothing_is_written()
    {
        var before = await CountsAsync();

        var error = Assert.ThrowsAsync<RequestValidationException>(() =>
            App.SendAsync(new CreateIncidentCommand("Outage", "investigating", "major", [api, Guid.CreateVersion7()], "Down.", "major_outage"), agent));

        Assert.Multiple(async () =>
        {
            Assert.That(error?.Errors.Keys, Does.Contain("affected_service_ids"));
            Assert.That(await CountsAsync(), Is.EqualTo(before), "no incident row, no event, no audit row");
            Assert.That(await Database.CountAsync("status_incidents"), Is.Zero);
            Assert.That(await App.StatusOfAsync(api), Is.EqualTo(ServiceStatus.Operational), "the known service was not set either");
        });
    }

    private async Task<long[]> CountsAsync() =>
    [
        await Database.CountAsync("status_incidents"),
        await Database.CountAsync("status_incident_updates"),
        await Database.CountAsync("status_events"),
        await Database.CountAsync("audit_log", "action LIKE 'status.%'"),
    ];
}
