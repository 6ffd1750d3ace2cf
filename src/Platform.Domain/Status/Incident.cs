using Platform.Domain.Common;
using Platform.Domain.Status.Events;

namespace Platform.Domain.Status;

/// <summary>
/// An unplanned disruption, told as a timeline of <see cref="Updates"/>. Each update sets the incident's status;
/// once an update resolves it (or it is opened already resolved, to report a past disruption) it is closed for good.
/// <see cref="Version"/> starts at 1 and grows with each update.
/// </summary>
public sealed class Incident : Entity
{
    private readonly List<Guid> affectedServiceIds = [];
    private readonly List<IncidentUpdate> updates = [];

    private Incident()
    {
    }

    private Incident(Guid id, string title, IncidentImpact impact, List<Guid> affectedServiceIds, DateTimeOffset now)
        : base(id)
    {
        Title = title;
        Impact = impact;
        this.affectedServiceIds = affectedServiceIds;
        CreatedAt = now;
    }

    public string Title { get; private set; } = string.Empty;

    /// <summary>The status set by the latest update.</summary>
    public IncidentStatus Status { get; private set; }

    public IncidentImpact Impact { get; private set; }

    /// <summary>The services concerned, without duplicates; may be empty.</summary>
    public IReadOnlyList<Guid> AffectedServiceIds => affectedServiceIds;

    /// <summary>The timeline, oldest first (by <see cref="IncidentUpdate.CreatedAt"/>, then id for equal times).</summary>
    public IReadOnlyList<IncidentUpdate> Updates => [.. updates.OrderBy(u => u.CreatedAt).ThenBy(u => u.Id)];

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>When the incident was resolved; null while it is open.</summary>
    public DateTimeOffset? ResolvedAt { get; private set; }

    public int Version { get; private set; }

    public bool IsOpen => Status != IncidentStatus.Resolved;

    /// <summary>Opens an incident with its first update. Opening it as resolved is allowed and resolves it at once.</summary>
    public static Incident Open(
        string title,
        IncidentStatus status,
        IncidentImpact impact,
        IEnumerable<Guid> affectedServiceIds,
        string message,
        ServiceStatus? serviceStatus,
        Guid createdBy,
        DateTimeOffset now)
    {
        var incident = new Incident(Uuid7.Create(now), StatusChecks.Title(title), impact, StatusChecks.DistinctIds(affectedServiceIds), now);
        incident.Apply(IncidentUpdate.Post(incident.Id, status, message, serviceStatus, createdBy, now));
        incident.Raise(new IncidentCreatedDomainEvent(incident, now));
        return incident;
    }

    /// <summary>Posts an update that sets the incident's status; refused once the incident is resolved.</summary>
    public IncidentUpdate AddUpdate(IncidentStatus status, string message, ServiceStatus? serviceStatus, Guid createdBy, DateTimeOffset now)
    {
        if (!IsOpen)
        {
            throw new DomainException(StatusErrorCodes.IncidentResolved, "The incident is resolved and takes no more updates.");
        }

        var update = IncidentUpdate.Post(Id, status, message, serviceStatus, createdBy, now);
        Apply(update);
        Raise(new IncidentUpdatedDomainEvent(this, update, now));
        return update;
    }

    private void Apply(IncidentUpdate update)
    {
        updates.Add(update);
        Status = update.Status;
        if (update.Status == IncidentStatus.Resolved)
        {
            ResolvedAt = update.CreatedAt;
        }

        UpdatedAt = update.CreatedAt;
        Version++;
    }
}
