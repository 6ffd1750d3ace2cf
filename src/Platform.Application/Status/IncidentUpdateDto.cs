using Platform.Domain.Status;

namespace Platform.Application.Status;

public sealed record IncidentUpdateDto(Guid Id, IncidentStatus Status, string Message, ServiceStatus? ServiceStatus, DateTimeOffset CreatedAt);
