using Platform.Application.Common.Messaging;
using Platform.Domain.Status;

namespace Platform.Application.Status;

public sealed record StatusEventDto(Guid Id, Guid ServiceId, ServiceStatus Status, string Message, DateTimeOffset OccurredAt, DateTimeOffset CreatedAt) : IHasId;
