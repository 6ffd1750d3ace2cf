using MediatR;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common.Interfaces;
using Platform.Application.Common.Messaging;

namespace Platform.Application.Common.Behaviours;

/// <summary>
/// One database transaction per command, run inside the provider's execution strategy so a transient failure
/// retries the whole unit (idempotency, audit and handler together). A command sent while a transaction is open
/// joins it.
/// </summary>
internal sealed class TransactionBehaviour<TRequest, TResponse>(IPlatformDbContext db) : IPipelineBehavior<TRequest, TResponse>
    where TRequest : IRequest<TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (request is not ICommandBase || request is INonTransactionalCommand || db.Database.CurrentTransaction is not null)
        {
            return await next();
        }

        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(
            next,
            async (_, pipeline, ct) =>
            {
                // A retried attempt starts from a clean unit of work.
                db.ChangeTracker.Clear();
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                var response = await pipeline();
                await transaction.CommitAsync(ct);
                return response;
            },
            verifySucceeded: null,
            cancellationToken);
    }
}
