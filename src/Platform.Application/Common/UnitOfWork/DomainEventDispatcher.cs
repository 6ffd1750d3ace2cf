using Platform.Application.Common.Interfaces;
using Platform.Domain.Common;

namespace Platform.Application.Common.UnitOfWork;

/// <summary>
/// Hands the domain events raised by tracked entities to their in-transaction handlers, round after round, until
/// no handler raises more.
/// </summary>
internal sealed class DomainEventDispatcher(IPlatformDbContext db, IServiceProvider services, DomainEventHandlerRegistry registry)
{
    /// <summary>Handlers that keep raising events are a bug; stop rather than loop.</summary>
    private const int MaxRounds = 8;

    public async Task DispatchAsync(CancellationToken cancellationToken)
    {
        for (var round = 0; round < MaxRounds; round++)
        {
            List<IDomainEvent>? raised = null;
            foreach (var entry in db.ChangeTracker.Entries<Entity>())
            {
                var events = entry.Entity.TakeDomainEvents();
                if (events.Count > 0)
                {
                    (raised ??= []).AddRange(events);
                }
            }

            if (raised is null)
            {
                return;
            }

            foreach (var invoker in registry.Invokers)
            {
                await invoker.InvokeAsync(services, raised, cancellationToken);
            }
        }

        throw new InvalidOperationException($"Domain event handlers were still raising events after {MaxRounds} rounds.");
    }
}
