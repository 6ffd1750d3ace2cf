using NUnit.Framework;
using Platform.Application.Common.Errors;
using Platform.Application.Common.Messaging;
using Platform.Application.Status.Commands.AddIncidentUpdate;
using Platform.Application.Status.Commands.CreateIncident;
using Platform.Application.Status.Commands.CreateMonitoredService;
using Platform.Application.Status.Commands.DeleteMonitoredService;
using Platform.Application.Status.Commands.RecordStatusEvent;
using Platform.Application.Status.Commands.ScheduleMaintenance;
using Platform.Application.Status.Commands.UpdateMonitoredService;
using Platform.Application.Status.Queries.GetIncident;
using Platform.Application.Status.Queries.GetMaintenance;
using Platform.Application.Status.Queries.GetServiceUptime;
using Platform.Application.Status.Queries.GetStatusEvent;
using Platform.Application.Status.Queries.GetStatusPage;
using Platform.Application.Status.Queries.GetMonitoredService;
using Platform.Application.Status.Queries.ListIncidents;
using Platform.Application.Status.Queries.ListMaintenances;
using Platform.Application.Status.Queries.ListStatusEvents;
using Platform.Application.Status.Queries.ListMonitoredServices;
using Platform.Domain.Status;
using Platform.Testing;

namespace Platform.Application.Tests.Status;

/// <summary>
/// Who may change the status page: admins manage services, agents and admins report (events, incidents,
/// maintenance), customers change nothing, and anyone, signed in or not, may read it.
/// </summary>
public sealed class StatusPermissionTests : ApplicationTestBase
{
    private Guid serviceId;
    private Guid incidentId;

    [SetUp]
    public async Task SeedAsync()
    {
        var admin = await AdminAsync();
        serviceId = (await App.CreateServiceAsync(admin, "api", "API")).Id;
        incidentId = (await App.OpenIncidentAsync(admin, "Slow API", [serviceId])).Id;
    }

    private IEnumerable<(string Name, Func<TestUser?, Task> Send)> Writes()
    {
        var start = App.Clock.GetUtcNow().AddHours(1);
        yield return ("create service", u => App.SendAsync(new CreateMonitoredServiceCommand("web", "Web"), u));
        yield return ("update service", u => App.SendAsync(new UpdateMonitoredServiceCommand(serviceId, Optional<string?>.Absent, "Renamed", default, default, default), u));
        yield return ("delete service", u => App.SendAsync(new DeleteMonitoredServiceCommand(serviceId), u));
        yield return ("record event", u => App.SendAsync(new RecordStatusEventCommand(serviceId, "major_outage", "Down"), u));
        yield return ("create incident", u => App.SendAsync(new CreateIncidentCommand("Outage", "investigating", "major", [serviceId], "Looking."), u));
        yield return ("add incident update", u => App.SendAsync(new AddIncidentUpdateCommand(incidentId, "identified", "Found it."), u));
        yield return ("schedule maintenance", u => App.SendAsync(new ScheduleMaintenanceCommand("Upgrade", start, start.AddHours(1), [serviceId]), u));
    }

    [Test]
    public async Task Customers_are_forbidden_every_status_write_and_nothing_changes()
    {
        var customer = await CustomerAsync();
        var before = await SnapshotCountsAsync();

        foreach (var (name, send) in Writes())
        {
            var error = Assert.ThrowsAsync<ForbiddenException>(() => send(customer), name);
            Assert.That(error?.Code, Is.EqualTo("auth.forbidden"), name);
        }

        Assert.That(await SnapshotCountsAsync(), Is.EqualTo(before), "no row was written");
    }

    [Test]
    public async Task Anonymous_callers_must_sign_in_for_every_status_write()
    {
        var before = await SnapshotCountsAsync();

        foreach (var (name, send) in Writes())
        {
            var error = Assert.ThrowsAsync<UnauthorizedException>(() => send(null), name);
            Assert.That(error?.Code, Is.EqualTo("auth.unauthorized"), name);
        }

        Assert.That(await SnapshotCountsAsync(), Is.EqualTo(before), "no row was written");
    }

    [Test]
    public async Task Agents_report_events_incidents_and_maintenance_but_cannot_manage_services()
    {
        var agent = await AgentAsync();
        var start = App.Clock.GetUtcNow().AddHours(1);

        var recorded = await App.SendAsync(new RecordStatusEventCommand(serviceId, "degraded_performance", "Slow"), agent);
        var incident = await App.SendAsync(new CreateIncidentCommand("Errors", "investigating", "minor", [serviceId], "Looking."), agent);
        var updated = await App.SendAsync(new AddIncidentUpdateCommand(incidentId, "identified", "Found it."), agent);
        var maintenance = await App.SendAsync(new ScheduleMaintenanceCommand("Upgrade", start, start.AddHours(1), [serviceId]), agent);

        var create = Assert.ThrowsAsync<ForbiddenException>(() => App.SendAsync(new CreateMonitoredServiceCommand("web", "Web"), agent));
        var update = Assert.ThrowsAsync<ForbiddenException>(() =>
            App.SendAsync(new UpdateMonitoredServiceCommand(serviceId, Optional<string?>.Absent, "Renamed", default, default, default), agent));
        var delete = Assert.ThrowsAsync<ForbiddenException>(() => App.SendAsync(new DeleteMonitoredServiceCommand(serviceId), agent));

        Assert.Multiple(async () =>
        {
            Assert.That(recorded.Status, Is.EqualTo(ServiceStatus.DegradedPerformance));
            Assert.That(incident.Title, Is.EqualTo("Errors"));
            Assert.That(updated.Updates, Has.Count.EqualTo(2));
            Assert.That(maintenance.Status, Is.EqualTo(MaintenanceStatus.Scheduled));
            Assert.That(new[] { create?.Code, update?.Code, delete?.Code }, Is.All.EqualTo("auth.forbidden"));
            Assert.That(await Database.CountAsync("status_services"), Is.EqualTo(1));
            var service = await App.SendAsync(new GetMonitoredServiceQuery(serviceId));
            Assert.That(service.Name, Is.EqualTo("API"), "the agent's rename did not happen");
        });
    }

    [Test]
    public async Task Anyone_may_read_the_status_page_without_signing_in()
    {
        var admin = await AdminAsync();
        var recorded = await App.RecordAsync(admin, serviceId, "partial_outage", "Errors");
        var start = App.Clock.GetUtcNow().AddHours(1);
        var maintenance = await App.ScheduleAsync(admin, "Upgrade", start, start.AddHours(1), serviceId);

        var services = await App.SendAsync(new ListMonitoredServicesQuery());
        var service = await App.SendAsync(new GetMonitoredServiceQuery(serviceId));
        var events = await App.SendAsync(new ListStatusEventsQuery(serviceId));
        var oneEvent = await App.SendAsync(new GetStatusEventQuery(serviceId, recorded.Id));
        var incidents = await App.SendAsync(new ListIncidentsQuery(Unresolved: true));
        var incident = await App.SendAsync(new GetIncidentQuery(incidentId));
        var maintenances = await App.SendAsync(new ListMaintenancesQuery());
        var oneMaintenance = await App.SendAsync(new GetMaintenanceQuery(maintenance.Id));
        var page = await App.SendAsync(new GetStatusPageQuery());
        var uptime = await App.SendAsync(new GetServiceUptimeQuery("api", 7));

        Assert.Multiple(() =>
        {
            Assert.That(services.Select(s => s.Id), Is.EqualTo(new[] { serviceId }));
            Assert.That(service.Status, Is.EqualTo(ServiceStatus.PartialOutage));
            Assert.That(events.Items.Select(e => e.Id), Is.EqualTo(new[] { recorded.Id }));
            Assert.That(oneEvent.Message, Is.EqualTo("Errors"));
            Assert.That(incidents.Items.Select(i => i.Id), Is.EqualTo(new[] { incidentId }));
            Assert.That(incident.Title, Is.EqualTo("Slow API"));
            Assert.That(maintenances.Items.Select(m => m.Id), Is.EqualTo(new[] { maintenance.Id }));
            Assert.That(oneMaintenance.Title, Is.EqualTo("Upgrade"));
            Assert.That(page.Services.Select(s => s.Service.Id), Is.EqualTo(new[] { serviceId }));
            Assert.That(uptime.Days, Has.Count.EqualTo(7));
        });
    }

    private async Task<long[]> SnapshotCountsAsync() =>
    [
        await Database.CountAsync("status_services"),
        await Database.CountAsync("status_services", "name <> 'API'"),
        await Database.CountAsync("status_events"),
        await Database.CountAsync("status_incidents"),
        await Database.CountAsync("status_incident_updates"),
        await Database.CountAsync("status_maintenances"),
        await Database.CountAsync("audit_log", "action LIKE 'status.%'"),
    ];
}
