using System.Reflection;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Platform.Application.Common.Errors;
using Platform.Application.Common.Idempotency;
using Platform.Application.Common.Interfaces;
using Platform.Application.Common.Messaging;
using Platform.Application.Common.UnitOfWork;

namespace Platform.Application.Common.Behaviours;

/// <summary>
/// The unit of work: one database transaction per command, inside the provider's execution strategy, so a transient
/// failure retries the whole command (idempotency, audit and handler together). Each attempt starts clean: an empty
/// change tracker and no after-commit actions. The attempt runs the handler, hands the domain events to their
/// in-transaction handlers (outbox rows, notifications), saves once, and commits; the after-commit actions run only
/// once the commit is known to have happened. When a commit fails, the database is asked whether it went through
/// before anything is retried, so a lost acknowledgement never applies a command twice. A command sent while a
/// transaction is open joins it: the outer command saves and commits.
/// </summary>
internal sealed class TransactionBehaviour<TRequest, TResponse>(
    IPlatformDbContext db,
    UnitOfWorkScope unitOfWork,
    DomainEventDispatcher domainEvents,
    ICommitVerifier commitVerifier,
    IDatabaseErrors databaseErrors) : IPipelineBehavior<TRequest, TResponse>
    where TRequest : IRequest<TResponse>, ICommandBase
{
    private static readonly ConflictOnUniqueIndexAttribute[] Conflicts = [.. typeof(TRequest).GetCustomAttributes<ConflictOnUniqueIndexAttribute>()];

    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (request is INonTransactionalCommand || db.Database.CurrentTransaction is not null)
        {
            return await next();
        }

        var attempt = new Attempt(next);
        try
        {
            var response = await db.Database.CreateExecutionStrategy().ExecuteAsync(attempt, RunAttemptAsync, VerifyAsync, cancellationToken);
            unitOfWork.RunAfterCommit();
            return response;
        }
        finally
        {
            unitOfWork.EndAttempt();
        }
    }

    private async Task<TResponse> RunAttemptAsync(DbContext context, Attempt attempt, CancellationToken cancellationToken)
    {
        attempt.CommitStarted = false;
        unitOfWork.BeginAttempt();
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var response = await attempt.Next();
        await domainEvents.DispatchAsync(cancellationToken);
        await SaveAsync(cancellationToken);
        await commitVerifier.PrepareAsync(cancellationToken);
        attempt.Response = response;
        attempt.CommitStarted = true;
        await transaction.CommitAsync(cancellationToken);
        return response;
    }

    /// <summary>Called by the strategy after a transient failure: only a failed commit can have succeeded.</summary>
    private async Task<ExecutionResult<TResponse>> VerifyAsync(DbContext context, Attempt attempt, CancellationToken cancellationToken) =>
        attempt.CommitStarted && await commitVerifier.HasCommittedAsync(cancellationToken)
            ? new ExecutionResult<TResponse>(true, attempt.Response!)
            : new ExecutionResult<TResponse>(false, default!);

    /// <summary>The one SaveChanges of the command. Lost races on unique indexes become the command's declared conflict.</summary>
    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // A versioned row changed between this command's read and its write (commands lock what they change,
            // so this is a backstop): the client's precondition no longer holds.
            throw new PreconditionFailedException();
        }
        catch (DbUpdateException ex) when (string.Equals(databaseErrors.ViolatedUniqueIndex(ex), IdempotencyRecord.UniqueIndex, StringComparison.Ordinal))
        {
            // A request with the same Idempotency-Key committed between this one's lookup and its lock (see
            // IIdempotencyKeys): answered as the key being busy, so the client's retry replays that request's response.
            throw IdempotencyConflicts.InProgress();
        }
        catch (DbUpdateException ex) when (Conflicts.Length > 0 && databaseErrors.ViolatedUniqueIndex(ex) is { } index
            && Array.Find(Conflicts, c => string.Equals(c.IndexName, index, StringComparison.Ordinal)) is { } conflict)
        {
            throw new ConflictException(conflict.Code, conflict.Message);
        }
    }

    private sealed class Attempt(RequestHandlerDelegate<TResponse> next)
    {
        public RequestHandlerDelegate<TResponse> Next { get; } = next;

        public bool CommitStarted { get; set; }

        public TResponse? Response { get; set; }
    }
}
