using Platform.Application.Common.Interfaces;
using Platform.Application.Common.UnitOfWork;
using Platform.Domain.Identity.Events;

namespace Platform.Application.Identity.Events;

/// <summary>
/// Tells every instance which sessions the command revoked, so their access tokens are refused at once: one
/// announcement for all of them, delivered to the other instances when the transaction commits.
/// </summary>
internal sealed class AnnounceRevokedSessionsHandler(ISessionRevocationPublisher publisher) : IDomainEventHandler<SessionRevokedDomainEvent>
{
    public Task HandleAsync(IReadOnlyList<SessionRevokedDomainEvent> events, CancellationToken cancellationToken) =>
        publisher.PublishAsync([.. events.Select(e => e.Session.Id).Distinct()], cancellationToken);
}
