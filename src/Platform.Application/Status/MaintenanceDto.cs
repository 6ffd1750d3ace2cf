using Platform.Application.Common.Messaging;
using Platform.Domain.Status;

namespace Platform.Application.Status;

public sealed record MaintenanceDto(
    Guid Id,
    string Title,
    string Description,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    IReadOnlyList<Guid> AffectedServiceIds,
    MaintenanceStatus Status,
    DateTimeOffset? StartedAt,
    DateTimeOffset? CompletedAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    int Version) : IHasId;
