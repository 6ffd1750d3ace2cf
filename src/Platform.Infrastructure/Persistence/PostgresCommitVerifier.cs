using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;
using Platform.Application.Common.UnitOfWork;

namespace Platform.Infrastructure.Persistence;

/// <summary>
/// Finds out whether a transaction whose COMMIT failed went through, from PostgreSQL itself: before committing it
/// notes the transaction's id (<c>pg_current_xact_id_if_assigned</c>, null when it wrote nothing) and its backend,
/// unless a statement of the same transaction already returned the id (<see cref="Noted"/>: the idempotency claim of a
/// new key does, which saves the create its own round trip for it);
/// after a failed commit it asks <c>pg_xact_status</c> on a fresh connection. A transaction still "in progress"
/// belongs to a backend that never received the COMMIT (the client's connection broke first): that backend is
/// terminated, which aborts it, so the answer becomes definite.
/// </summary>
internal sealed partial class PostgresCommitVerifier(PlatformDbContext db, NpgsqlDataSource dataSource, ILogger<PostgresCommitVerifier> logger) : ICommitVerifier
{
    private static readonly TimeSpan VerifyFor = TimeSpan.FromSeconds(5);

    private string? transactionId;
    private int backendPid;
    private Guid notedFor;
    private string? notedId;

    /// <summary>
    /// Remembers the id PostgreSQL gave the current transaction (<c>pg_current_xact_id()</c>, read by a statement the
    /// transaction ran), so <see cref="PrepareAsync"/> need not ask. It holds only for the EF transaction it was noted
    /// in: a retried attempt runs in a new one and notes again, or is asked.
    /// </summary>
    public void Noted(string transactionIdText)
    {
        notedFor = db.Database.CurrentTransaction?.TransactionId
            ?? throw new InvalidOperationException("A transaction id is noted inside the transaction it belongs to.");
        notedId = transactionIdText;
    }

    public async Task PrepareAsync(CancellationToken cancellationToken)
    {
        transactionId = null;
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        backendPid = connection.ProcessID;
        if (notedId is not null && db.Database.CurrentTransaction?.TransactionId == notedFor)
        {
            transactionId = notedId;
            return;
        }

        await using var command = db.Database.CreateCommand("SELECT pg_current_xact_id_if_assigned()::text");
        transactionId = await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    public async Task<bool> HasCommittedAsync(CancellationToken cancellationToken)
    {
        if (transactionId is null)
        {
            // The transaction wrote nothing, so running it again cannot apply anything twice.
            return false;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(VerifyFor);
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(timeout.Token);
            for (var round = 0; ; round++)
            {
                var status = await StatusAsync(connection, timeout.Token);
                switch (status)
                {
                    case "committed":
                        LogVerified(transactionId, status);
                        return true;
                    case "aborted":
                        LogVerified(transactionId, status);
                        return false;
                    case "in progress" when round == 0:
                        await TerminateAsync(connection, timeout.Token);
                        break;
                    case "in progress":
                        await Task.Delay(TimeSpan.FromMilliseconds(50), timeout.Token);
                        break;
                    default:
                        throw new CommitOutcomeUnknownException($"PostgreSQL no longer knows transaction {transactionId}.");
                }
            }
        }
        catch (Exception ex) when (ex is NpgsqlException or OperationCanceledException or TimeoutException && !cancellationToken.IsCancellationRequested)
        {
            throw new CommitOutcomeUnknownException("The commit failed and the database could not be reached to tell whether it went through.", ex);
        }
    }

    private async Task<string?> StatusAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT pg_xact_status($1::xid8)", connection);
        command.Parameters.AddWithValue(transactionId!);
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    private async Task TerminateAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT pg_terminate_backend($1, 1000)", connection);
        command.Parameters.AddWithValue(backendPid);
        await command.ExecuteScalarAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A commit failed on the way back; PostgreSQL says transaction {TransactionId} was {Status}")]
    private partial void LogVerified(string transactionId, string status);
}
