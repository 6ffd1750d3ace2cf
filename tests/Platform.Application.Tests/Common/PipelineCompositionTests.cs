using MediatR;
using Microsoft.Extensions.DependencyInjection;
using NUnit.Framework;
using Platform.Application.Tickets;
using Platform.Application.Tickets.Commands.CreateTicket;
using Platform.Application.Tickets.Queries.GetTicket;

namespace Platform.Application.Tests.Common;

/// <summary>
/// Which behaviours wrap a request, in which order. A query passes through logging, authorization and validation
/// only; the transaction, idempotency and audit behaviours are left out of its pipeline by their type constraints, so
/// a read never constructs them. A command that is idempotent and audited gets all six, outermost first.
/// </summary>
public sealed class PipelineCompositionTests : ApplicationTestBase
{
    [Test]
    public void A_query_is_wrapped_by_logging_authorization_and_validation_only()
    {
        Assert.That(BehavioursOf<GetTicketQuery, TicketDto>(), Is.EqualTo(new[] { "LoggingBehaviour", "AuthorizationBehaviour", "ValidationBehaviour" }));
    }

    [Test]
    public void An_idempotent_audited_command_is_wrapped_by_every_behaviour_outermost_first()
    {
        Assert.That(
            BehavioursOf<CreateTicketCommand, TicketDto>(),
            Is.EqualTo(new[] { "LoggingBehaviour", "AuthorizationBehaviour", "ValidationBehaviour", "TransactionBehaviour", "IdempotencyBehaviour", "AuditBehaviour" }));
    }

    private string[] BehavioursOf<TRequest, TResponse>()
        where TRequest : IRequest<TResponse>
    {
        using var scope = App.Services.CreateScope();
        return [.. scope.ServiceProvider.GetServices<IPipelineBehavior<TRequest, TResponse>>().Select(b => b.GetType().Name.Split('`')[0])];
    }
}
