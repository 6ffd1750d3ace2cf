namespace Platform.Application.Common.UnitOfWork;

/// <summary>One invoker per event type that has a handler, found when the application's services are registered.</summary>
internal sealed class DomainEventHandlerRegistry(IReadOnlyList<IDomainEventInvoker> invokers)
{
    public IReadOnlyList<IDomainEventInvoker> Invokers { get; } = invokers;
}
