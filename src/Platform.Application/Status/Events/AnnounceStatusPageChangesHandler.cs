using Platform.Application.Common.UnitOfWork;
using Platform.Domain.Status.Events;

namespace Platform.Application.Status.Events;

/// <summary>Any change the status page shows makes every instance drop its cached page once the transaction commits.</summary>
internal sealed class AnnounceStatusPageChangesHandler(IStatusChangePublisher publisher) : IDomainEventHandler<IStatusPageDomainEvent>
{
    public Task HandleAsync(IReadOnlyList<IStatusPageDomainEvent> events, CancellationToken cancellationToken) =>
        publisher.PublishAsync(cancellationToken);
}
