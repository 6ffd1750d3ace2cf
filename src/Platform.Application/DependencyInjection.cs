using System.Reflection;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Platform.Application.Common.Behaviours;
using Platform.Application.Common.Idempotency;
using Platform.Application.Common.Inbound;
using Platform.Application.Common.Mapping;
using Platform.Application.Common.Outbox;
using Platform.Application.Common.Paging;
using Platform.Application.Common.UnitOfWork;
using Platform.Application.Common.Validation;

namespace Platform.Application;

public static class DependencyInjection
{
    /// <summary>
    /// Registers MediatR 5 by hand (it has no DI package) with every handler in this assembly, every validator
    /// (FluentValidation's scan, internal ones included), and the pipeline behaviours, outermost first.
    /// </summary>
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        // Set before any validator is built: a rule reads both resolvers once, when its validator is constructed.
        ValidatorOptions.Global.PropertyNameResolver = ValidationNames.PropertyPath;
        ValidatorOptions.Global.DisplayNameResolver = ValidationNames.DisplayName;

        // The mediator, the handlers and the behaviours every request passes (logging, authorization) hold no state of
        // their own, so they are transient: the container tracks a scoped service in the request scope's dictionary,
        // and these were most of the entries a query added (docs/performance.md). What they depend on keeps its
        // lifetime (the DbContext, the current user and the request context are scoped).
        services.AddTransient<ServiceFactory>(sp => sp.GetService!);
        services.AddTransient<IMediator, Mediator>();
        services.AddScoped<IdempotencyOutcome>();
        services.AddScoped<UnitOfWorkScope>();
        services.AddScoped<IUnitOfWork>(sp => sp.GetRequiredService<UnitOfWorkScope>());
        services.AddScoped<DomainEventDispatcher>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ApplicationMetrics>();
        services.AddSingleton<CursorCodec>();
        services.AddDtoMapping();
        services.AddSingleton<Status.StatusPageCache>();
        services.AddScoped<Status.StatusChanges>();
        services.AddScoped<Status.StatusReadModel>();
        services.AddScoped<Status.Queries.GetStatusPage.StatusPageBuilder>();
        services.AddScoped<Webhooks.WebhookUrls>();
        services.AddOptions<Webhooks.WebhookOptions>();
        services.AddOutboxHandler<Webhooks.Delivery.WebhookFanOutHandler>([.. Domain.Webhooks.WebhookEventTypes.All.Where(t => t != Domain.Webhooks.WebhookEventTypes.Test)]);
        services.AddOptions<IdempotencyOptions>();
        services.AddOptions<PagingOptions>();
        services.AddOptions<Common.Email.EmailOptions>();
        services.AddScoped<Identity.Emails.IdentityEmails>();
        services.AddSingleton<Identity.PasswordStrength>();
        services.AddScoped<Identity.SecondFactorGate>();
        services.AddScoped<Identity.EmailVerifier>();
        services.AddOutboxHandler<Identity.Emails.IdentityEmailHandler>(
            IntegrationEventTypes.UsersPasswordChanged, IntegrationEventTypes.UsersDisabled, IntegrationEventTypes.SessionsRefreshReuseDetected);
        services.AddOutboxHandler<Webhooks.Delivery.EndpointDisabledEmailHandler>(IntegrationEventTypes.WebhooksEndpointDisabled);
        services.AddOptions<Common.Inbound.InboundOptions>();
        services.AddOptions<Common.Observability.SloOptions>();
        services.AddSingleton<Common.Inbound.InboundSources>();
        services.AddOutboxHandler<Inbound.InboundEventOutboxHandler>(IntegrationEventTypes.InboundReceived);
        services.AddOutboxHandler<Identity.Emails.AccountMailOutboxHandler>(IntegrationEventTypes.IdentityAccountMailRequested);
        services.AddScoped<Email.Inbound.EmailEventRecorder>();
        services.AddInboundSource<Email.Inbound.PostmarkInboundSource, Email.Inbound.PostmarkEventHandler>();
        services.AddInboundSource<Email.Inbound.ResendInboundSource, Email.Inbound.ResendEventHandler>();

        var assembly = typeof(DependencyInjection).Assembly;
        var handledEvents = new HashSet<Type>();
        foreach (var type in assembly.GetTypes().Where(t => t is { IsAbstract: false, IsInterface: false, IsGenericTypeDefinition: false }))
        {
            foreach (var contract in type.GetInterfaces().Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRequestHandler<,>)))
            {
                services.AddTransient(contract, type);
            }

            foreach (var contract in type.GetInterfaces().Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDomainEventHandler<>)))
            {
                services.AddScoped(contract, type);
                handledEvents.Add(contract.GetGenericArguments()[0]);
            }
        }

        // One invoker per handled event type, in a stable order (by name) so dispatch does not depend on reflection order.
        services.AddSingleton(new DomainEventHandlerRegistry(
        [
            .. handledEvents.OrderBy(t => t.FullName, StringComparer.Ordinal)
                .Select(t => (IDomainEventInvoker)Activator.CreateInstance(typeof(DomainEventInvoker<>).MakeGenericType(t))!),
        ]));

        // Validators check shape only and take no dependencies (docs/development.md, step 3), so one instance of
        // each serves every request; ValidatorRegistrationTests holds them to that.
        services.AddValidatorsFromAssembly(assembly, ServiceLifetime.Singleton, includeInternalTypes: true);

        // Order matters: the first registered behaviour is the outermost (see docs/development.md). The transaction,
        // idempotency and audit behaviours constrain TRequest (ICommandBase, IIdempotentCommand, IAuditedCommand), and
        // the container leaves an open generic out of a pipeline whose request does not meet its constraints: a query
        // is never wrapped in, or pays for, a behaviour that does not apply to it (PipelineCompositionTests). Validation
        // is a singleton: it depends only on the validators, which are singletons too.
        services.AddTransient(typeof(IPipelineBehavior<,>), typeof(LoggingBehaviour<,>));
        services.AddTransient(typeof(IPipelineBehavior<,>), typeof(AuthorizationBehaviour<,>));
        services.AddSingleton(typeof(IPipelineBehavior<,>), typeof(ValidationBehaviour<,>));
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
