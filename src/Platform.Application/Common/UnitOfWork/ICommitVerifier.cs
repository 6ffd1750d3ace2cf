namespace Platform.Application.Common.UnitOfWork;

/// <summary>
/// Tells whether a transaction whose commit failed was committed after all, so a command is never applied twice
/// when the commit's acknowledgement is lost (a dropped connection during COMMIT).
/// </summary>
public interface ICommitVerifier
{
    /// <summary>Called inside the transaction just before the commit: remembers what identifies it.</summary>
    Task PrepareAsync(CancellationToken cancellationToken);

    /// <summary>
    /// After a commit failed: true if the transaction committed, false if it did not (so it is safe to retry).
    /// Throws <see cref="CommitOutcomeUnknownException"/> when that cannot be found out (the database is unreachable).
    /// </summary>
    Task<bool> HasCommittedAsync(CancellationToken cancellationToken);
}
