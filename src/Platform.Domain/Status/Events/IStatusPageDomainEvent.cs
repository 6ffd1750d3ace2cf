using Platform.Domain.Common;

namespace Platform.Domain.Status.Events;

/// <summary>A change to something the public status page shows; every instance must rebuild its cached page.</summary>
public interface IStatusPageDomainEvent : IDomainEvent
{
}
