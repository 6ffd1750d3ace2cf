using Microsoft.Extensions.DependencyInjection;
using Platform.Domain.Common;

namespace Platform.Application.Common.UnitOfWork;

/// <summary>Calls every <see cref="IDomainEventHandler{TEvent}"/> with the events of type <typeparamref name="TEvent"/>, if any.</summary>
internal sealed class DomainEventInvoker<TEvent> : IDomainEventInvoker
    where TEvent : IDomainEvent
{
    public async Task InvokeAsync(IServiceProvider services, IReadOnlyList<IDomainEvent> events, CancellationToken cancellationToken)
    {
        List<TEvent>? matching = null;
        foreach (var domainEvent in events)
        {
            if (domainEvent is TEvent typed)
            {
                (matching ??= []).Add(typed);
            }
        }

        if (matching is null)
        {
            return;
        }

        foreach (var handler in services.GetServices<IDomainEventHandler<TEvent>>())
        {
            await handler.HandleAsync(matching, cancellationToken);
        }
    }
}
