using NUnit.Framework;
using Platform.Application.Common.Messaging;
using Platform.Application.Status.Commands.AddIncidentUpdate;
using Platform.Application.Status.Commands.DeleteMonitoredService;
using Platform.Application.Status.Commands.UpdateMonitoredService;

namespace Platform.Application.Tests.Status;

/// <summary>Every change to the status page leaves an audit row naming who did what to which resource.</summary>
public sealed class StatusAuditTests : ApplicationTestBase
{
    [Test]
    public async Task Every_status_page_change_writes_one_audit_row_with_its_actor_and_resource()
    {
        App.Clock.Freeze();
        var admin = await AdminAsync();
        var agent = await AgentAsync();

        var api = await App.CreateServiceAsync(admin, "api", "API");
        var old = await App.CreateServiceAsync(admin, "old", "Old");
        await App.SendAsync(new UpdateMonitoredServiceCommand(api.Id, Optional<string?>.Absent, "Public API", default, default, default), admin);
        await App.SendAsync(new DeleteMonitoredServiceCommand(old.Id), admin);
        var recorded = await App.RecordAsync(agent, api.Id, "degraded_performance", "Slow");
        var incident = await App.OpenIncidentAsync(agent, "Slow API", [api.Id]);
        await App.SendAsync(new AddIncidentUpdateCommand(incident.Id, "identified", "Found it."), agent);
        var now = App.Clock.GetUtcNow();
        var maintenance = await App.ScheduleAsync(agent, "Upgrade", now.AddMinutes(10), now.AddMinutes(40), api.Id);
        App.Clock.Advance(TimeSpan.FromMinutes(10));
        await App.RunMaintenanceJobAsync();
        App.Clock.Advance(TimeSpan.FromMinutes(30));
        await App.RunMaintenanceJobAsync();

        Assert.Multiple(async () =>
        {
            await ExpectAsync("status.services.create", "status_service", api.Id, admin.Id);
            await ExpectAsync("status.services.create", "status_service", old.Id, admin.Id);
            await ExpectAsync("status.services.update", "status_service", api.Id, admin.Id);
            await ExpectAsync("status.services.delete", "status_service", old.Id, admin.Id);
            await ExpectAsync("status.events.create", "status_event", recorded.Id, agent.Id);
            await ExpectAsync("status.incidents.create", "status_incident", incident.Id, agent.Id);
            await ExpectAsync("status.incidents.update", "status_incident", incident.Id, agent.Id);
            await ExpectAsync("status.maintenances.create", "status_maintenance", maintenance.Id, agent.Id);
            await ExpectAsync("status.maintenances.start", "status_maintenance", maintenance.Id, null);
            await ExpectAsync("status.maintenances.complete", "status_maintenance", maintenance.Id, null);
            Assert.That(await Database.CountAsync("audit_log", "action LIKE 'status.%'"), Is.EqualTo(10), "one row per change, no more");
            Assert.That(await Database.CountAsync("audit_log", "action LIKE 'status.%' AND outcome <> 'succeeded'"), Is.Zero);
        });
    }

    [Test]
    public async Task A_job_run_with_nothing_due_writes_no_audit_row()
    {
        App.Clock.Freeze();
        var admin = await AdminAsync();
        var api = await App.CreateServiceAsync(admin, "api");
        var now = App.Clock.GetUtcNow();
        await App.ScheduleAsync(admin, "Later", now.AddHours(1), now.AddHours(2), api.Id);

        var moved = await App.RunMaintenanceJobAsync();

        Assert.Multiple(async () =>
        {
            Assert.That(moved, Is.Zero);
            Assert.That(await Database.CountAsync("audit_log", "action LIKE 'status.maintenances.%' AND action <> 'status.maintenances.create'"), Is.Zero);
        });
    }

    private async Task ExpectAsync(string action, string resourceType, Guid resourceId, Guid? actorId)
    {
        var actor = actorId is null ? "actor_id IS NULL" : $"actor_id = '{actorId}'";
        Assert.That(
            await Database.CountAsync("audit_log", $"action = '{action}' AND resource_type = '{resourceType}' AND resource_id = '{resourceId}' AND {actor}"),
            Is.EqualTo(1),
            $"{action} of {resourceId} by {actorId?.ToString() ?? "the system"}");
    }
}
