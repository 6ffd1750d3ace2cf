using Platform.Domain.Common;
using Platform.Domain.Status.Events;

namespace Platform.Domain.Status;

/// <summary>
/// Planned work on one or more services in a window [<see cref="StartsAt"/>, <see cref="EndsAt"/>). The maintenance
/// job starts it when <see cref="IsDueToStart"/> and completes it when <see cref="IsDueToComplete"/>; staff may also
/// start or complete it early. Putting the services under maintenance and back is the application layer's work.
/// <see cref="Version"/> starts at 1 and grows with each change.
/// </summary>
public sealed class ScheduledMaintenance : Entity
{
    private readonly List<Guid> affectedServiceIds = [];

    private ScheduledMaintenance()
    {
    }

    private ScheduledMaintenance(
        Guid id, string title, string description, DateTimeOffset startsAt, DateTimeOffset endsAt, List<Guid> affectedServiceIds, DateTimeOffset now)
        : base(id)
    {
        Title = title;
        Description = description;
        StartsAt = startsAt;
        EndsAt = endsAt;
        this.affectedServiceIds = affectedServiceIds;
        Status = MaintenanceStatus.Scheduled;
        CreatedAt = now;
        UpdatedAt = now;
        Version = 1;
    }

    public string Title { get; private set; } = string.Empty;

    /// <summary>Optional; may be empty.</summary>
    public string Description { get; private set; } = string.Empty;

    public DateTimeOffset StartsAt { get; private set; }

    /// <summary>Always later than <see cref="StartsAt"/>.</summary>
    public DateTimeOffset EndsAt { get; private set; }

    /// <summary>At least one service, without duplicates.</summary>
    public IReadOnlyList<Guid> AffectedServiceIds => affectedServiceIds;

    public MaintenanceStatus Status { get; private set; }

    public DateTimeOffset? StartedAt { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public int Version { get; private set; }

    /// <summary>Scheduled and its start time has come.</summary>
    public bool IsDueToStart(DateTimeOffset now) => Status == MaintenanceStatus.Scheduled && now >= StartsAt;

    /// <summary>In progress and its end time has come.</summary>
    public bool IsDueToComplete(DateTimeOffset now) => Status == MaintenanceStatus.InProgress && now >= EndsAt;

    /// <summary>Schedules a maintenance. A window that has already begun is allowed: the job starts it on its next run.</summary>
    public static ScheduledMaintenance Schedule(
        string title, string description, DateTimeOffset startsAt, DateTimeOffset endsAt, IEnumerable<Guid> affectedServiceIds, DateTimeOffset now)
    {
        var checkedTitle = StatusChecks.Title(title);
        var checkedDescription = StatusChecks.OptionalText(
            description, StatusRules.MaintenanceDescriptionMaxLength, StatusErrorCodes.InvalidDescription, "description");
        if (endsAt <= startsAt)
        {
            throw StatusChecks.Invalid(StatusErrorCodes.InvalidWindow, "A maintenance must end after it starts.", "ends_at");
        }

        var services = StatusChecks.DistinctIds(affectedServiceIds);
        if (services.Count == 0)
        {
            throw StatusChecks.Invalid(StatusErrorCodes.ServicesRequired, "A maintenance must affect at least one service.", "affected_service_ids");
        }

        var maintenance = new ScheduledMaintenance(Uuid7.Create(now), checkedTitle, checkedDescription, startsAt, endsAt, services, now);
        maintenance.Raise(new MaintenanceScheduledDomainEvent(maintenance, now));
        return maintenance;
    }

    /// <summary>Starts the maintenance, possibly before <see cref="StartsAt"/>; only a scheduled maintenance can start.</summary>
    public void Start(DateTimeOffset now)
    {
        EnsureStatus(MaintenanceStatus.Scheduled, "Only a scheduled maintenance can start.");
        Status = MaintenanceStatus.InProgress;
        StartedAt = now;
        Touch(now);
        Raise(new MaintenanceStartedDomainEvent(this, now));
    }

    /// <summary>Completes the maintenance, possibly before <see cref="EndsAt"/>; only one in progress can complete.</summary>
    public void Complete(DateTimeOffset now)
    {
        EnsureStatus(MaintenanceStatus.InProgress, "Only a maintenance in progress can complete.");
        Status = MaintenanceStatus.Completed;
        CompletedAt = now;
        Touch(now);
        Raise(new MaintenanceCompletedDomainEvent(this, now));
    }

    private void EnsureStatus(MaintenanceStatus required, string message)
    {
        if (Status != required)
        {
            throw new DomainException(StatusErrorCodes.InvalidTransition, message);
        }
    }

    private void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Version++;
    }
}
