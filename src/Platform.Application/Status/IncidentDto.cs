using Platform.Application.Common.Messaging;
using Platform.Domain.Status;

namespace Platform.Application.Status;

public sealed record IncidentDto(
    Guid Id,
    string Title,
    IncidentStatus Status,
    IncidentImpact Impact,
    IReadOnlyList<Guid> AffectedServiceIds,
    IReadOnlyList<IncidentUpdateDto> Updates,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? ResolvedAt,
    int Version) : IHasId;
