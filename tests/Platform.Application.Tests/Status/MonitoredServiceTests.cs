using NUnit.Framework;
using Platform.Application.Common.Errors;
using Platform.Application.Common.Messaging;
using Platform.Application.Status;
using Platform.Application.Status.Commands.CreateMonitoredService;
using Platform.Application.Status.Commands.DeleteMonitoredService;
using Platform.Application.Status.Commands.UpdateMonitoredService;
using Platform.Application.Status.Queries.GetMonitoredService;
using Platform.Domain.Status;
using Platform.Testing;

namespace Platform.Application.Tests.Status;

/// <summary>Admins add, change and remove the services the status page shows.</summary>
public sealed class MonitoredServiceTests : ApplicationTestBase
{
    private TestUser admin = null!;

    [SetUp]
    public async Task SignInAsync()
    {
        App.Clock.Freeze();
        admin = await AdminAsync();
    }

    [Test]
    public async Task A_new_service_is_operational_without_any_event_and_starts_at_version_1()
    {
        var created = await App.SendAsync(
            new CreateMonitoredServiceCommand("api-gateway", "API gateway", "Routes requests", "Core", 3),
            admin);

        var read = await App.SendAsync(new GetMonitoredServiceQuery(created.Id));

        Assert.Multiple(() =>
        {
            Assert.That(read, Is.EqualTo(created));
            Assert.That(read.Slug, Is.EqualTo("api-gateway"));
            Assert.That(read.Description, Is.EqualTo("Routes requests"));
            Assert.That(read.Group, Is.EqualTo("Core"));
            Assert.That(read.DisplayOrder, Is.EqualTo(3));
            Assert.That(read.Status, Is.EqualTo(ServiceStatus.Operational));
            Assert.That(read.StatusChangedAt, Is.Null);
            Assert.That(read.Version, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task An_update_changes_only_the_fields_given_and_a_null_group_removes_the_group()
    {
        var created = await App.CreateServiceAsync(admin, "api", "API", group: "Core", displayOrder: 5);
        App.Clock.Advance(TimeSpan.FromMinutes(1));

        var renamed = await App.SendAsync(Patch(created.Id, name: "Public API"), admin);
        var ungrouped = await App.SendAsync(Patch(created.Id, group: new Optional<string?>(null)), admin);
        var read = await App.SendAsync(new GetMonitoredServiceQuery(created.Id));

        Assert.Multiple(() =>
        {
            Assert.That(renamed.Name, Is.EqualTo("Public API"));
            Assert.That(renamed.Slug, Is.EqualTo("api"), "absent fields are left alone");
            Assert.That(renamed.Group, Is.EqualTo("Core"), "an absent group is left alone");
            Assert.That(renamed.DisplayOrder, Is.EqualTo(5));
            Assert.That(renamed.Version, Is.EqualTo(2));
            Assert.That(renamed.UpdatedAt, Is.GreaterThan(created.UpdatedAt));
            Assert.That(ungrouped.Group, Is.Null, "group: null removes the group");
            Assert.That(ungrouped.Name, Is.EqualTo("Public API"));
            Assert.That(ungrouped.Version, Is.EqualTo(3));
            Assert.That(read, Is.EqualTo(ungrouped), "what the update answered is what is stored");
        });
    }

    [Test]
    public async Task An_update_made_against_an_outdated_version_is_refused_and_changes_nothing()
    {
        var created = await App.CreateServiceAsync(admin, "api", "API");
        await App.SendAsync(Patch(created.Id, name: "First edit"), admin);

        Assert.ThrowsAsync<PreconditionFailedException>(() => App.SendAsync(Patch(created.Id, name: "Stale edit", accepted: [1]), admin));
        var current = await App.SendAsync(Patch(created.Id, name: "Fresh edit", accepted: [2]), admin);

        Assert.Multiple(async () =>
        {
            Assert.That(current.Name, Is.EqualTo("Fresh edit"));
            Assert.That(current.Version, Is.EqualTo(3));
            Assert.That(await Database.AuditCountAsync("status.services.update", created.Id), Is.EqualTo(2), "the refused update left no audit row");
        });
    }

    [Test]
    public async Task A_slug_in_use_is_refused_when_creating_and_when_renaming_but_a_service_may_keep_its_own()
    {
        var api = await App.CreateServiceAsync(admin, "api", "API");
        var web = await App.CreateServiceAsync(admin, "web", "Web");

        var onCreate = Assert.ThrowsAsync<ConflictException>(() => App.CreateServiceAsync(admin, "api", "Another API"));
        var onUpdate = Assert.ThrowsAsync<ConflictException>(() => App.SendAsync(Patch(web.Id, slug: "api"), admin));
        var kept = await App.SendAsync(Patch(api.Id, slug: "api", name: "API v2"), admin);

        Assert.Multiple(async () =>
        {
            Assert.That(onCreate?.Code, Is.EqualTo(StatusErrorCodes.SlugTaken));
            Assert.That(onUpdate?.Code, Is.EqualTo(StatusErrorCodes.SlugTaken));
            Assert.That(kept.Name, Is.EqualTo("API v2"));
            Assert.That(await Database.CountAsync("status_services"), Is.EqualTo(2));
            Assert.That((await App.SendAsync(new GetMonitoredServiceQuery(web.Id))).Slug, Is.EqualTo("web"));
        });
    }

    [Test]
    public async Task A_service_named_by_an_unresolved_incident_cannot_be_deleted_until_the_incident_is_resolved()
    {
        var agent = await AgentAsync();
        var api = await App.CreateServiceAsync(admin, "api", "API");
        var incident = await App.OpenIncidentAsync(agent, "API errors", [api.Id], "partial_outage");

        var refused = Assert.ThrowsAsync<ConflictException>(() => App.SendAsync(new DeleteMonitoredServiceCommand(api.Id), admin));
        Assert.Multiple(async () =>
        {
            Assert.That(refused?.Code, Is.EqualTo(StatusErrorCodes.ServiceHasOpenIncidents));
            Assert.That(await Database.CountAsync("status_services"), Is.EqualTo(1));
            Assert.That(await Database.AuditCountAsync("status.services.delete"), Is.Zero);
        });

        await App.ResolveAsync(agent, incident.Id, "operational");
        var deleted = await App.SendAsync(new DeleteMonitoredServiceCommand(api.Id), admin);

        Assert.Multiple(async () =>
        {
            Assert.That(deleted, Is.True);
            Assert.That(await Database.CountAsync("status_services"), Is.Zero);
            var gone = Assert.ThrowsAsync<NotFoundException>(() => App.SendAsync(new GetMonitoredServiceQuery(api.Id)));
            Assert.That(gone?.Code, Is.EqualTo(StatusErrorCodes.ServiceNotFound));
        });
    }

    [Test]
    public async Task A_service_with_scheduled_or_running_maintenance_cannot_be_deleted_until_the_maintenance_completes()
    {
        var api = await App.CreateServiceAsync(admin, "api", "API");
        var now = App.Clock.GetUtcNow();
        await App.ScheduleAsync(admin, "Database upgrade", now.AddHours(1), now.AddHours(2), api.Id);

        var whileScheduled = Assert.ThrowsAsync<ConflictException>(() => App.SendAsync(new DeleteMonitoredServiceCommand(api.Id), admin));
        App.Clock.Advance(TimeSpan.FromHours(1));
        await App.RunMaintenanceJobAsync();
        var whileRunning = Assert.ThrowsAsync<ConflictException>(() => App.SendAsync(new DeleteMonitoredServiceCommand(api.Id), admin));
        App.Clock.Advance(TimeSpan.FromHours(1));
        await App.RunMaintenanceJobAsync();
        var deleted = await App.SendAsync(new DeleteMonitoredServiceCommand(api.Id), admin);

        Assert.Multiple(async () =>
        {
            Assert.That(whileScheduled?.Code, Is.EqualTo(StatusErrorCodes.ServiceHasPendingMaintenance));
            Assert.That(whileRunning?.Code, Is.EqualTo(StatusErrorCodes.ServiceHasPendingMaintenance));
            Assert.That(deleted, Is.True);
            Assert.That(await Database.CountAsync("status_services"), Is.Zero);
        });
    }

    [Test]
    public async Task Deleting_a_service_removes_its_events_and_no_other_services()
    {
        var api = await App.CreateServiceAsync(admin, "api", "API");
        var web = await App.CreateServiceAsync(admin, "web", "Web");
        await App.RecordAsync(admin, api.Id, "major_outage");
        App.Clock.Tick();
        await App.RecordAsync(admin, api.Id, "operational");
        await App.RecordAsync(admin, web.Id, "degraded_performance");

        await App.SendAsync(new DeleteMonitoredServiceCommand(api.Id), admin);

        Assert.Multiple(async () =>
        {
            Assert.That(await Database.EventCountAsync(api.Id), Is.Zero, "the deleted service's history goes with it");
            Assert.That(await Database.EventCountAsync(web.Id), Is.EqualTo(1));
            Assert.That(await App.StatusOfAsync(web.Id), Is.EqualTo(ServiceStatus.DegradedPerformance));
            var again = Assert.ThrowsAsync<NotFoundException>(() => App.SendAsync(new DeleteMonitoredServiceCommand(api.Id), admin));
            Assert.That(again?.Code, Is.EqualTo(StatusErrorCodes.ServiceNotFound));
        });
    }

    private static UpdateMonitoredServiceCommand Patch(
        Guid id, Optional<string?> slug = default, Optional<string?> name = default, Optional<string?> group = default, IReadOnlyList<int>? accepted = null) =>
        new(id, slug, name, default, group, default, accepted);
}
