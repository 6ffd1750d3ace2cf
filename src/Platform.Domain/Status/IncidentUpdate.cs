using Platform.Domain.Common;

namespace Platform.Domain.Status;

/// <summary>One post in an incident's timeline. Written only through <see cref="Incident"/>, never edited.</summary>
public sealed class IncidentUpdate : Entity
{
    private IncidentUpdate()
    {
    }

    private IncidentUpdate(Guid id, Guid incidentId, IncidentStatus status, string message, ServiceStatus? serviceStatus, Guid createdBy, DateTimeOffset now)
        : base(id)
    {
        IncidentId = incidentId;
        Status = status;
        Message = message;
        ServiceStatus = serviceStatus;
        CreatedAt = now;
        CreatedBy = createdBy;
    }

    public Guid IncidentId { get; private set; }

    /// <summary>The incident's status as of this update.</summary>
    public IncidentStatus Status { get; private set; }

    public string Message { get; private set; } = string.Empty;

    /// <summary>
    /// What this update set the affected services to, or null if it left them alone. Only recorded here: the
    /// application layer records the matching <see cref="StatusEvent"/>s.
    /// </summary>
    public ServiceStatus? ServiceStatus { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public Guid CreatedBy { get; private set; }

    internal static IncidentUpdate Post(
        Guid incidentId, IncidentStatus status, string message, ServiceStatus? serviceStatus, Guid createdBy, DateTimeOffset now) =>
        new(
            Uuid7.Create(now),
            incidentId,
            status,
            StatusChecks.RequiredText(message, StatusRules.UpdateMessageMaxLength, StatusErrorCodes.InvalidMessage, "message"),
            serviceStatus,
            createdBy,
            now);
}
