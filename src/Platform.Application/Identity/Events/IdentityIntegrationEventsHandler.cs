using MapsterMapper;
using Platform.Application.Common.Interfaces;
using Platform.Application.Common.Outbox;
using Platform.Application.Common.UnitOfWork;
using Platform.Domain.Identity;
using Platform.Domain.Identity.Events;

namespace Platform.Application.Identity.Events;

/// <summary>Outbox rows for the account events integrators and mail care about: refresh-token reuse, password changes, disabled accounts.</summary>
internal sealed class IdentityIntegrationEventsHandler(IPlatformDbContext db, TimeProvider timeProvider, IMapper mapper) :
    IDomainEventHandler<SessionRevokedDomainEvent>,
    IDomainEventHandler<PasswordChangedDomainEvent>,
    IDomainEventHandler<UserDisabledDomainEvent>
{
    public Task HandleAsync(IReadOnlyList<SessionRevokedDomainEvent> events, CancellationToken cancellationToken)
    {
        foreach (var e in events.Where(e => e.Reason == SessionRevokeReason.RefreshTokenReused))
        {
            var s = e.Session;
            var dto = new RevokedSessionDto(s.Id, s.UserId, s.DeviceName, s.UserAgent, s.Ip, s.CreatedAt, s.LastUsedAt, e.OccurredAt, e.Reason);
            db.AddIntegrationEvent(IntegrationEventTypes.SessionsRefreshReuseDetected, dto, e.OccurredAt, timeProvider.GetUtcNowMicros());
        }

        return Task.CompletedTask;
    }

    public Task HandleAsync(IReadOnlyList<PasswordChangedDomainEvent> events, CancellationToken cancellationToken)
    {
        foreach (var e in events)
        {
            db.AddIntegrationEvent(IntegrationEventTypes.UsersPasswordChanged, mapper.Map<UserDto>(e.User), e.OccurredAt, timeProvider.GetUtcNowMicros());
        }

        return Task.CompletedTask;
    }

    public Task HandleAsync(IReadOnlyList<UserDisabledDomainEvent> events, CancellationToken cancellationToken)
    {
        foreach (var e in events)
        {
            db.AddIntegrationEvent(IntegrationEventTypes.UsersDisabled, mapper.Map<UserDto>(e.User), e.OccurredAt, timeProvider.GetUtcNowMicros());
        }

        return Task.CompletedTask;
    }
}
