using NUnit.Framework;
using Platform.Domain.Status;
using Platform.Domain.Status.Events;
using static Platform.Domain.Tests.Status.StatusTestData;

namespace Platform.Domain.Tests.Status;

/// <summary>Every change the status page shows raises a status-page event, so no cached page outlives it.</summary>
public class StatusDomainEventTests
{
    [Test]
    public void RecordStatus_RaisesServiceStatusChangedOnTheEvent_AndMovesTheServiceVersion()
    {
        var service = MonitoredService.Create("api", "API", string.Empty, null, 0, Now);

        var recorded = service.RecordStatus(ServiceStatus.MajorOutage, "Down", Now, StaffId, Later);

        Assert.Multiple(() =>
        {
            Assert.That(recorded.DomainEvents, Is.EqualTo(new object[] { new ServiceStatusChangedDomainEvent(recorded, Later) }));
            Assert.That(service.Version, Is.EqualTo(2));
            Assert.That(recorded.ServiceId, Is.EqualTo(service.Id));
        });
    }

    [Test]
    public void Service_CreateUpdateAndDelete_EachRaiseAPageChange_ButANoOpUpdateDoesNot()
    {
        var service = MonitoredService.Create("api", "API", string.Empty, null, 0, Now);
        service.Update(null, "API", null, null, false, null, Later);
        service.Update(null, "Public API", null, null, false, null, Later);
        service.Delete(Later);

        Assert.That(service.DomainEvents, Has.Count.EqualTo(3));
        Assert.That(service.DomainEvents, Is.All.InstanceOf<MonitoredServiceChangedDomainEvent>());
    }

    [Test]
    public void Incident_OpenAndUpdate_RaiseCreatedThenUpdated()
    {
        var incident = Incident.Open("Errors", IncidentStatus.Investigating, IncidentImpact.Minor, [ApiId], "Looking", null, StaffId, Now);

        var update = incident.AddUpdate(IncidentStatus.Resolved, "Fixed", null, StaffId, Later);

        Assert.That(incident.DomainEvents, Is.EqualTo(new object[]
        {
            new IncidentCreatedDomainEvent(incident, Now),
            new IncidentUpdatedDomainEvent(incident, update, Later),
        }));
    }

    [Test]
    public void Maintenance_ScheduleStartAndComplete_RaiseOneEventEach()
    {
        var maintenance = ScheduledMaintenance.Schedule("Upgrade", string.Empty, Now, Later, [ApiId], Now);
        maintenance.Start(Now);
        maintenance.Complete(Later);

        Assert.That(maintenance.DomainEvents, Is.EqualTo(new object[]
        {
            new MaintenanceScheduledDomainEvent(maintenance, Now),
            new MaintenanceStartedDomainEvent(maintenance, Now),
            new MaintenanceCompletedDomainEvent(maintenance, Later),
        }));
        Assert.That(maintenance.DomainEvents, Is.All.InstanceOf<IStatusPageDomainEvent>());
    }
}
