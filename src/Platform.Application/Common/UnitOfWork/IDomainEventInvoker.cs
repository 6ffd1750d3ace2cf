using Platform.Domain.Common;

namespace Platform.Application.Common.UnitOfWork;

/// <summary>Calls the handlers of one event type (see <see cref="DomainEventInvoker{TEvent}"/>).</summary>
internal interface IDomainEventInvoker
{
    Task InvokeAsync(IServiceProvider services, IReadOnlyList<IDomainEvent> events, CancellationToken cancellationToken);
}
