namespace Platform.Domain.Common;

/// <summary>Base type for entities: identity by a time-ordered UUID (version 7), and the domain events it raised.</summary>
public abstract class Entity
{
    private List<IDomainEvent>? domainEvents;

    protected Entity()
    {
    }

    protected Entity(Guid id) => Id = id;

    public Guid Id { get; protected set; }

    /// <summary>Events raised since they were last taken (not persisted).</summary>
    public IReadOnlyList<IDomainEvent> DomainEvents => domainEvents ?? (IReadOnlyList<IDomainEvent>)[];

    /// <summary>Hands over the raised events and forgets them, so each is dispatched once.</summary>
    public IReadOnlyList<IDomainEvent> TakeDomainEvents()
    {
        if (domainEvents is not { Count: > 0 } taken)
        {
            return [];
        }

        domainEvents = null;
        return taken;
    }

    protected void Raise(IDomainEvent domainEvent)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        (domainEvents ??= []).Add(domainEvent);
    }

    /// <summary>Raises the event unless one of the same type is already waiting (one "updated" per unit of work).</summary>
    protected void RaiseOnce<TEvent>(Func<TEvent> create)
        where TEvent : IDomainEvent
    {
        ArgumentNullException.ThrowIfNull(create);
        if (domainEvents is null || !domainEvents.OfType<TEvent>().Any())
        {
            Raise(create());
        }
    }
}
