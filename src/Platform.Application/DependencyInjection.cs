using System.Reflection;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Platform.Application.Common.Behaviours;
using Platform.Application.Common.Idempotency;
using Platform.Application.Common.Messaging;
using Platform.Application.Common.Paging;
using Platform.Application.Common.UnitOfWork;

namespace Platform.Application;

public static class DependencyInjection
{
    /// <summary>
    /// Registers MediatR 5 by hand (it has no DI package), every handler and validator in this assembly, and the
    /// pipeline behaviours, outermost first.
    /// </summary>
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        ValidatorOptions.Global.DisplayNameResolver = (_, member, _) => member is null ? null : SnakeCase.Convert(member.Name);

        services.AddScoped<ServiceFactory>(sp => sp.GetService!);
        services.AddScoped<IMediator, Mediator>();
        services.AddScoped<IdempotencyOutcome>();
        services.AddScoped<UnitOfWorkScope>();
        services.AddScoped<IUnitOfWork>(sp => sp.GetRequiredService<UnitOfWorkScope>());
        services.AddScoped<DomainEventDispatcher>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ApplicationMetrics>();
        services.AddSingleton<CursorCodec>();
        services.AddSingleton<Status.StatusPageCache>();
        services.AddOptions<IdempotencyOptions>();
        services.AddOptions<PagingOptions>();

        var assembly = typeof(DependencyInjection).Assembly;
        var handledEvents = new HashSet<Type>();
        foreach (var type in assembly.GetTypes().Where(t => t is { IsAbstract: false, IsInterface: false, IsGenericTypeDefinition: false }))
        {
            foreach (var contract in type.GetInterfaces().Where(i => i.IsGenericType))
            {
                var definition = contract.GetGenericTypeDefinition();
                if (definition == typeof(IRequestHandler<,>) || definition == typeof(IValidator<>))
                {
                    services.AddScoped(contract, type);
                }
                else if (definition == typeof(IDomainEventHandler<>))
                {
                    services.AddScoped(contract, type);
                    handledEvents.Add(contract.GetGenericArguments()[0]);
                }
            }
        }

        // One invoker per handled event type, in a stable order (by name) so dispatch does not depend on reflection order.
        services.AddSingleton(new DomainEventHandlerRegistry(
        [
            .. handledEvents.OrderBy(t => t.FullName, StringComparer.Ordinal)
                .Select(t => (IDomainEventInvoker)Activator.CreateInstance(typeof(DomainEventInvoker<>).MakeGenericType(t))!),
        ]));

        // Order matters: the first registered behaviour is the outermost (see docs/development.md).
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(LoggingBehaviour<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(AuthorizationBehaviour<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(ValidationBehaviour<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(TransactionBehaviour<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(IdempotencyBehaviour<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(AuditBehaviour<,>));
        return services;
    }

    /// <summary>Every request type in the application, for architecture tests and documentation.</summary>
    public static IEnumerable<Type> RequestTypes(Assembly? assembly = null) =>
        (assembly ?? typeof(DependencyInjection).Assembly).GetTypes()
            .Where(t => !t.IsAbstract && t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRequest<>)));
}
